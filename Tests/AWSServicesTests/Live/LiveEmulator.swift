import AWSClient
import Foundation
import Testing

/// The moto emulator started by `scripts/emulator up` (signature checking and IAM on), found through the
/// variables of its env file. On a developer's machine without it, live tests are skipped with a reason;
/// with `CI=true` they fail instead, so that a CI run never passes without touching the emulator.
enum LiveEmulator {
    static let environment = ProcessInfo.processInfo.environment
    static let isCI = environment["CI"]?.lowercased() == "true"
    static let endpoint = environment["STACKVERIFY_EMULATOR_ENDPOINT"]

    /// Whether live tests run: the emulator is up, or this is CI, where its absence must fail.
    static let shouldRun = endpoint != nil || isCI

    /// The reason shown when live tests are skipped.
    static let skipReason: Comment = "no emulator: run `scripts/emulator up` and `source $(scripts/emulator env)`, or scripts/test"

    /// The repository root, for scripts the tests start.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The read-only identity's configuration, resolved as the CLI resolves it; fails when the emulator is missing.
    static func configuration(profile: String? = nil, endpointOverride: String? = nil) throws -> AWSConfiguration {
        guard let endpoint else {
            throw LiveEmulatorMissing()
        }
        var variables = environment
        variables["AWS_ENDPOINT_URL"] = endpointOverride ?? endpoint
        return try AWSConfiguration.resolve(environment: variables, overrides: .init(profile: profile))
    }

    /// A client of the read-only identity, optionally through another endpoint (a fault proxy).
    static func client(through endpoint: String? = nil, retry: RetryPolicy? = nil, transport: (any HTTPTransport)? = nil) throws -> AWSClient {
        var configuration = try configuration(endpointOverride: endpoint)
        if let retry { configuration.retry = retry }
        return AWSClient(configuration: configuration, transport: transport, sleep: { try await Task.sleep(for: $0 / 20) })
    }
}

/// Raised under CI when the emulator's variables are missing.
struct LiveEmulatorMissing: Error, CustomStringConvertible {
    var description: String { "CI=true but STACKVERIFY_EMULATOR_ENDPOINT is not set: live tests must run against the emulator (scripts/test starts it)" }
}
