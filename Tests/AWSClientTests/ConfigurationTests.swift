import Foundation
import Testing
@testable import AWSClient

/// Credential, region and endpoint resolution, as the AWS CLI and SDKs do it.
struct ConfigurationTests {
    /// A fresh home directory with optional shared files.
    static func home(credentials: String? = nil, config: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stackverify-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        if let credentials { try credentials.write(to: directory.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8) }
        if let config { try config.write(to: directory.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8) }
        return directory.path
    }

    @Test("environment credentials win over the shared files")
    func environmentWins() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = FILESECRET\n")
        let configuration = try AWSConfiguration.resolve(environment: [
            "HOME": home, "AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "ENVSECRET", "AWS_SESSION_TOKEN": "TOKEN", "AWS_REGION": "eu-west-1",
        ])
        #expect(configuration.credentials == Credentials(accessKeyID: "ENVKEY", secretAccessKey: "ENVSECRET", sessionToken: "TOKEN"))
        #expect(configuration.credentialSource.contains("environment"))
        #expect(configuration.region == "eu-west-1")
    }

    @Test("--profile wins over keys in the environment, as in the AWS CLI; AWS_PROFILE does not")
    func commandLineProfileWins() throws {
        let home = try Self.home(credentials: "[ci]\naws_access_key_id = CIKEY\naws_secret_access_key = CISECRET\n")
        let environment = ["HOME": home, "AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "ENVSECRET", "AWS_REGION": "us-east-1"]
        #expect(try AWSConfiguration.resolve(environment: environment, overrides: .init(profile: "ci")).credentials.accessKeyID == "CIKEY")
        #expect(try AWSConfiguration.resolve(environment: environment.merging(["AWS_PROFILE": "ci"]) { $1 }).credentials.accessKeyID == "ENVKEY")
    }

    @Test("a profile is [name] in credentials and [profile name] in config; the region comes from config")
    func profileSections() throws {
        let home = try Self.home(
            credentials: "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = DEFAULTSECRET\n\n[ci]\naws_access_key_id = CIKEY\naws_secret_access_key = CISECRET\n",
            config: "[default]\nregion = us-east-1\n\n[profile ci]\nregion = ap-southeast-2\ns3 =\n  addressing_style = path\n"
        )
        let configuration = try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_PROFILE": "ci"])
        #expect(configuration.credentials.accessKeyID == "CIKEY")
        #expect(configuration.region == "ap-southeast-2")
        #expect(configuration.regionSource.contains("profile 'ci'"))
        #expect(configuration.endpoint(for: .ec2).endpoint.host == "ec2.ap-southeast-2.amazonaws.com")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the shared files")
    func sharedFileVariables() throws {
        let home = try Self.home()
        let credentials = "\(home)/elsewhere-credentials"
        let config = "\(home)/elsewhere-config"
        try "[default]\naws_access_key_id = K\naws_secret_access_key = S\n".write(toFile: credentials, atomically: true, encoding: .utf8)
        try "[default]\nregion = eu-central-1\n".write(toFile: config, atomically: true, encoding: .utf8)
        let configuration = try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_CONFIG_FILE": config])
        #expect(configuration.credentials.accessKeyID == "K")
        #expect(configuration.region == "eu-central-1")
    }

    @Test("AWS_REGION wins over AWS_DEFAULT_REGION, which wins over the profile")
    func regionOrder() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n", config: "[default]\nregion = eu-west-3\n")
        #expect(try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "us-east-2"]).region == "us-west-2")
        #expect(try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_DEFAULT_REGION": "us-east-2"]).region == "us-east-2")
        #expect(try AWSConfiguration.resolve(environment: ["HOME": home]).region == "eu-west-3")
        #expect(try AWSConfiguration.resolve(environment: ["HOME": home], overrides: .init(region: "sa-east-1")).region == "sa-east-1")
    }

    @Test("no credentials anywhere: one message listing every place looked at")
    func missingCredentialsListsSources() throws {
        let home = try Self.home()
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_REGION": "us-east-1"]) }
        let message = error.description
        #expect(message.contains("AWS_ACCESS_KEY_ID"))
        #expect(message.contains("\(home)/.aws/credentials (no such file)"))
        #expect(message.contains("\(home)/.aws/config (no such file)"))
    }

    @Test("half a key pair is named as such", arguments: [["AWS_ACCESS_KEY_ID": "K"], ["AWS_SECRET_ACCESS_KEY": "S"]])
    func partialCredentials(variables: [String: String]) throws {
        let home = try Self.home()
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: variables.merging(["HOME": home]) { $1 }) }
        guard case let .partialCredentials(_, missing) = error else { Issue.record("expected partialCredentials, got \(error)"); return }
        #expect(missing == [variables["AWS_ACCESS_KEY_ID"] == nil ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY"])
    }

    @Test("no region anywhere is an error naming where it looked")
    func missingRegion() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n")
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: ["HOME": home]) }
        #expect(error.description.contains("AWS_REGION"))
        #expect(error.description.contains("AWS_DEFAULT_REGION"))
    }

    @Test("a profile named but absent is an error naming both files")
    func unknownProfile() throws {
        let home = try Self.home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n")
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_PROFILE": "nope", "AWS_REGION": "us-east-1"]) }
        #expect(error == .profileNotFound(profile: "nope", files: ["\(home)/.aws/credentials", "\(home)/.aws/config"]))
    }

    @Test("role and SSO profiles are refused with a way forward, not silently skipped")
    func unsupportedProfiles() throws {
        let home = try Self.home(config: "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = default\nregion = us-east-1\n")
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_PROFILE": "deploy"]) }
        #expect(error.description.contains("role_arn"))
    }

    @Test("a malformed shared file names its path and line")
    func malformedFile() throws {
        let home = try Self.home(credentials: "aws_access_key_id = K\n")
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: ["HOME": home, "AWS_REGION": "us-east-1"]) }
        #expect(error == .malformedFile(path: "\(home)/.aws/credentials", line: 1, reason: "a setting comes before any `[section]` header"))
    }

    @Test("AWS_ENDPOINT_URL points every service at one endpoint; AWS_ENDPOINT_URL_<SERVICE> wins for its service")
    func endpointVariables() throws {
        let home = try Self.home()
        let configuration = try AWSConfiguration.resolve(environment: [
            "HOME": home, "AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://localhost:4566",
        ])
        #expect(configuration.endpoint(for: .ec2) == ServiceEndpoint(endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 5000), isCustom: true, source: "AWS_ENDPOINT_URL"))
        #expect(configuration.endpoint(for: .logs).endpoint == Endpoint(scheme: "http", host: "localhost", port: 4566))
        #expect(configuration.endpoint(for: .logs).source == "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")
    }

    @Test("AWS's own endpoints per service and region, S3 global in us-east-1, .cn in China")
    func defaultEndpoints() {
        #expect(ServiceEndpoint.awsDefault(for: .s3, region: "us-east-1").endpoint.host == "s3.amazonaws.com")
        #expect(ServiceEndpoint.awsDefault(for: .s3, region: "eu-west-1").endpoint.host == "s3.eu-west-1.amazonaws.com")
        #expect(ServiceEndpoint.awsDefault(for: .logs, region: "us-east-1").endpoint.host == "logs.us-east-1.amazonaws.com")
        #expect(ServiceEndpoint.awsDefault(for: .sts, region: "eu-west-1").endpoint.host == "sts.eu-west-1.amazonaws.com")
        #expect(ServiceEndpoint.awsDefault(for: .ec2, region: "cn-north-1").endpoint.host == "ec2.cn-north-1.amazonaws.com.cn")
    }

    @Test("bad settings are refused naming the variable", arguments: [
        ("AWS_ENDPOINT_URL", "localhost:4566"), ("AWS_ENDPOINT_URL_S3", "ftp://x"), ("AWS_MAX_ATTEMPTS", "zero"),
        ("AWS_MAX_ATTEMPTS", "0"), ("AWS_RETRY_MODE", "aggressive"), ("AWS_REGION", "moon-1"), ("AWS_CA_BUNDLE", "/no/such/bundle.pem"),
    ])
    func badSettings(name: String, value: String) throws {
        let home = try Self.home()
        var environment = ["HOME": home, "AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1"]
        environment[name] = value
        let error = try #require(throws: AWSConfigurationError.self) { try AWSConfiguration.resolve(environment: environment) }
        #expect(error.description.contains(value))
        #expect(error.description.contains(name) || name == "AWS_REGION")
    }

    @Test("AWS_RETRY_MODE and AWS_MAX_ATTEMPTS set the retry policy")
    func retrySettings() throws {
        let home = try Self.home()
        let configuration = try AWSConfiguration.resolve(environment: [
            "HOME": home, "AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1", "AWS_RETRY_MODE": "legacy", "AWS_MAX_ATTEMPTS": "7",
        ])
        #expect(configuration.retry.mode == .legacy)
        #expect(configuration.retry.maxAttempts == 7)
    }

    @Test("credentials never print their secrets")
    func credentialsDescriptionRedacts() {
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "SECRETFAKE", sessionToken: "TOKENFAKE")
        #expect(!"\(credentials)".contains("SECRETFAKE"))
        #expect(!"\(credentials)".contains("TOKENFAKE"))
    }
}
