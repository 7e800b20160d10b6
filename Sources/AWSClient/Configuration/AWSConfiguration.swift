import Foundation

/// Everything a client needs to call AWS, resolved the way the AWS CLI and SDKs resolve it: credentials,
/// region, one endpoint per service, retry settings and the CA bundle.
public struct AWSConfiguration: Sendable {
    /// Values given on the command line, which win over every other source.
    public struct Overrides: Sendable {
        /// `--profile`.
        public var profile: String?
        /// `--region`.
        public var region: String?

        /// Overrides; `nil` leaves the setting to the environment and files.
        public init(profile: String? = nil, region: String? = nil) {
            self.profile = profile
            self.region = region
        }
    }

    /// The credentials requests are signed with.
    public var credentials: Credentials
    /// Where the credentials came from, e.g. `environment variables`; never the secret itself.
    public var credentialSource: String
    /// The region requests go to.
    public var region: String
    /// Where the region came from.
    public var regionSource: String
    /// The profile consulted in the shared files.
    public var profile: String
    /// The endpoint of every service.
    public var endpoints: [AWSService: ServiceEndpoint]
    /// How failed calls are retried.
    public var retry: RetryPolicy
    /// A PEM file of CA certificates to trust instead of the system's, from `AWS_CA_BUNDLE`.
    public var caBundle: String?

    /// A configuration given in full, for tests and embedding.
    public init(credentials: Credentials, region: String, endpoints: [AWSService: ServiceEndpoint] = [:], retry: RetryPolicy = RetryPolicy(), caBundle: String? = nil) {
        self.credentials = credentials
        self.credentialSource = "given in code"
        self.region = region
        self.regionSource = "given in code"
        self.profile = "default"
        var all = endpoints
        for service in AWSService.allCases where all[service] == nil {
            all[service] = .awsDefault(for: service, region: region)
        }
        self.endpoints = all
        self.retry = retry
        self.caBundle = caBundle
    }

    /// The endpoint of `service`.
    public func endpoint(for service: AWSService) -> ServiceEndpoint {
        endpoints[service] ?? .awsDefault(for: service, region: region)
    }

    /// Resolves every setting from `environment` (the process's by default) and the shared files it names.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment, overrides: Overrides = Overrides()) throws(AWSConfigurationError) -> AWSConfiguration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentialsPath = nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]) ?? "\(home)/.aws/credentials"
        let configPath = nonEmpty(environment["AWS_CONFIG_FILE"]) ?? "\(home)/.aws/config"
        let explicitProfile = nonEmpty(overrides.profile) ?? nonEmpty(environment["AWS_PROFILE"])
        let profile = explicitProfile ?? "default"

        let credentialsFile = try SharedConfigFile.load(path: credentialsPath)
        let configFile = try SharedConfigFile.load(path: configPath)
        let fromCredentialsFile = credentialsFile?.sections[profile]
        let fromConfigFile = configFile?.sections[profile == "default" ? "default" : "profile \(profile)"]
        if explicitProfile != nil, fromCredentialsFile == nil, fromConfigFile == nil {
            throw .profileNotFound(profile: profile, files: [credentialsPath, configPath])
        }

        let (credentials, credentialSource) = try resolveCredentials(
            environment: environment, profile: profile, profileGivenOnCommandLine: nonEmpty(overrides.profile) != nil,
            credentialsFile: (credentialsPath, fromCredentialsFile), configFile: (configPath, fromConfigFile)
        )

        let region: String
        let regionSource: String
        if let given = nonEmpty(overrides.region) {
            (region, regionSource) = (given, "--region")
        } else if let value = nonEmpty(environment["AWS_REGION"]) {
            (region, regionSource) = (value, "AWS_REGION")
        } else if let value = nonEmpty(environment["AWS_DEFAULT_REGION"]) {
            (region, regionSource) = (value, "AWS_DEFAULT_REGION")
        } else if let value = nonEmpty(fromConfigFile?["region"]) {
            (region, regionSource) = (value, "\(configPath), profile '\(profile)'")
        } else {
            throw .missingRegion(profile: profile, lookedAt: ["--region", "AWS_REGION", "AWS_DEFAULT_REGION", "`region` of profile '\(profile)' in \(configPath)\(configFile == nil ? " (no such file)" : "")"])
        }
        guard region.range(of: "^[a-z]{2}(-[a-z]+)+-[0-9]+$", options: .regularExpression) != nil else {
            throw .invalidSetting(name: "region (from \(regionSource))", value: region, reason: "a region looks like us-east-1 or eu-west-2")
        }

        var endpoints: [AWSService: ServiceEndpoint] = [:]
        let ignoreConfigured = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        for service in AWSService.allCases {
            let serviceVariable = "AWS_ENDPOINT_URL_\(service.endpointVariableSuffix)"
            if !ignoreConfigured, let url = nonEmpty(environment[serviceVariable]) {
                endpoints[service] = try .custom(url: url, settingName: serviceVariable)
            } else if !ignoreConfigured, let url = nonEmpty(environment["AWS_ENDPOINT_URL"]) {
                endpoints[service] = try .custom(url: url, settingName: "AWS_ENDPOINT_URL")
            } else if !ignoreConfigured, let url = nonEmpty(fromConfigFile?["endpoint_url"]) {
                endpoints[service] = try .custom(url: url, settingName: "endpoint_url of profile '\(profile)' in \(configPath)")
            } else {
                endpoints[service] = .awsDefault(for: service, region: region)
            }
        }

        let retry = try RetryPolicy.resolve(
            mode: nonEmpty(environment["AWS_RETRY_MODE"]).map { ($0, "AWS_RETRY_MODE") } ?? nonEmpty(fromConfigFile?["retry_mode"]).map { ($0, "retry_mode in \(configPath)") },
            maxAttempts: nonEmpty(environment["AWS_MAX_ATTEMPTS"]).map { ($0, "AWS_MAX_ATTEMPTS") } ?? nonEmpty(fromConfigFile?["max_attempts"]).map { ($0, "max_attempts in \(configPath)") }
        )

        let caBundle = nonEmpty(environment["AWS_CA_BUNDLE"]) ?? nonEmpty(fromConfigFile?["ca_bundle"])
        if let caBundle, !FileManager.default.isReadableFile(atPath: caBundle) {
            throw .invalidSetting(name: "AWS_CA_BUNDLE", value: caBundle, reason: "no readable file is there; point it at a PEM file of CA certificates")
        }

        var configuration = AWSConfiguration(credentials: credentials, region: region, endpoints: endpoints, retry: retry, caBundle: caBundle)
        configuration.credentialSource = credentialSource
        configuration.regionSource = regionSource
        configuration.profile = profile
        return configuration
    }

    private static func resolveCredentials(
        environment: [String: String], profile: String, profileGivenOnCommandLine: Bool,
        credentialsFile: (path: String, section: [String: String]?), configFile: (path: String, section: [String: String]?)
    ) throws(AWSConfigurationError) -> (Credentials, String) {
        let environmentKey = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let environmentSecret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        // As the AWS CLI: --profile beats keys in the environment (AWS_PROFILE does not).
        if !profileGivenOnCommandLine, environmentKey != nil || environmentSecret != nil {
            guard let key = environmentKey, let secret = environmentSecret else {
                throw .partialCredentials(source: "the environment", missing: [environmentKey == nil ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY"])
            }
            return (Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"])), "environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY")
        }
        for (path, section) in [credentialsFile, configFile] {
            guard let section else { continue }
            let key = nonEmpty(section["aws_access_key_id"])
            let secret = nonEmpty(section["aws_secret_access_key"])
            if key != nil || secret != nil {
                guard let key, let secret else {
                    throw .partialCredentials(source: "profile '\(profile)' in \(path)", missing: [key == nil ? "aws_access_key_id" : "aws_secret_access_key"])
                }
                return (Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: nonEmpty(section["aws_session_token"])), "shared file \(path), profile '\(profile)'")
            }
            for setting in ["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file"] where section[setting] != nil {
                throw .unsupportedCredentialSource(profile: profile, file: path, setting: setting)
            }
        }
        let describe = { (path: String, section: [String: String]?) in
            FileManager.default.fileExists(atPath: path) ? "\(path) (\(section == nil ? "no profile '\(profile)'" : "no keys in profile '\(profile)'"))" : "\(path) (no such file)"
        }
        throw .missingCredentials(profile: profile, lookedAt: [
            "environment AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (not set)",
            describe(credentialsFile.path, credentialsFile.section),
            describe(configFile.path, configFile.section),
        ])
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
