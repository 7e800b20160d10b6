import AWSClient
import Foundation
import Testing

/// `stack-verify whoami` and `probe`, run as a user runs them: against nothing, and against the emulator.
struct ClientCommandTests {
    static let environment = ProcessInfo.processInfo.environment
    static let emulatorRunning = environment["STACKVERIFY_EMULATOR_ENDPOINT"] != nil
    static let isCI = environment["CI"]?.lowercased() == "true"

    /// The emulator's variables as its env file sets them, with nothing else from this process.
    static func emulatorEnvironment() throws -> [String: String] {
        guard emulatorRunning else {
            throw CommandTestSetupMissing()
        }
        return environment.filter { $0.key.hasPrefix("AWS_") || $0.key.hasPrefix("STACKVERIFY_") || $0.key == "HOME" }
    }

    /// The read-only identity's secret, to prove it is never printed.
    static func readOnlySecret() throws -> String {
        try AWSConfiguration.resolve(environment: emulatorEnvironment()).credentials.secretAccessKey
    }

    @Test("no credentials anywhere exits 4 and lists where it looked")
    func noCredentials() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("empty-home-\(UUID().uuidString)").path
        let run = try await StackVerifyBinary.run(["whoami"], environment: ["HOME": home, "AWS_REGION": "us-east-1"])
        #expect(run.status == 4)
        #expect(run.stderr.contains("No AWS credentials found"))
        #expect(run.stderr.contains("\(home)/.aws/credentials (no such file)"))
    }

    @Test("an endpoint nobody listens on exits 3 naming the endpoint, without printing the secret")
    func unreachable() async throws {
        let run = try await StackVerifyBinary.run(["probe"], environment: [
            "HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "FAKESECRETNEVERPRINTED",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1",
        ])
        #expect(run.status == 3)
        #expect(run.stderr.contains("127.0.0.1:9"))
        #expect(!run.allOutput.contains("FAKESECRETNEVERPRINTED"))
    }

    @Test("whoami shows the caller, region, endpoints and credential source, never the secret",
          .enabled(if: emulatorRunning || isCI, "no emulator: run scripts/test"))
    func whoami() async throws {
        let run = try await StackVerifyBinary.run(["whoami"], environment: try Self.emulatorEnvironment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("user/stackverify-readonly"))
        #expect(run.stdout.contains("us-east-1 (from AWS_REGION)"))
        #expect(run.stdout.contains(try #require(Self.environment["STACKVERIFY_EMULATOR_ENDPOINT"])))
        #expect(run.stdout.contains("profile 'stackverify-readonly'"))
        #expect(!run.allOutput.contains(try Self.readOnlySecret()))
    }

    @Test("probe reaches every service with the read-only policy",
          .enabled(if: emulatorRunning || isCI, "no emulator: run scripts/test"))
    func probe() async throws {
        let run = try await StackVerifyBinary.run(["probe"], environment: try Self.emulatorEnvironment())
        #expect(run.status == 0, "\(run.stderr)")
        for service in ["STS", "EC2", "S3", "KMS", "CloudWatch Logs", "ECS"] {
            #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix(service) && $0.contains(" ok ") }, "\(service) in:\n\(run.stdout)")
        }
    }

    @Test("--debug logs requests and responses with signature, secret and token redacted",
          .enabled(if: emulatorRunning || isCI, "no emulator: run scripts/test"))
    func debugRedacts() async throws {
        var environment = try Self.emulatorEnvironment()
        environment["AWS_SESSION_TOKEN"] = "FAKESESSIONTOKENNEVERPRINTED"
        let configuration = try AWSConfiguration.resolve(environment: environment)
        environment["AWS_ACCESS_KEY_ID"] = configuration.credentials.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = configuration.credentials.secretAccessKey
        let run = try await StackVerifyBinary.run(["whoami", "--debug"], environment: environment)
        #expect(run.stderr.contains("→ POST"))
        #expect(run.stderr.contains("Signature=<redacted>"))
        #expect(run.stderr.contains("X-Amz-Security-Token: <redacted>"))
        #expect(!run.allOutput.contains(configuration.credentials.secretAccessKey))
        #expect(!run.allOutput.contains("FAKESESSIONTOKENNEVERPRINTED"))
    }
}

/// Raised under CI when the emulator's variables are missing.
struct CommandTestSetupMissing: Error, CustomStringConvertible {
    var description: String { "CI=true but STACKVERIFY_EMULATOR_ENDPOINT is not set: scripts/test starts the emulator" }
}
