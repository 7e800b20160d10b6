import AWSClient
import ArgumentParser
import Foundation

/// The options every command that calls AWS shares.
struct ClientOptions: ParsableArguments {
    @Option(help: "The profile of the shared AWS files to use (default: AWS_PROFILE, else 'default').")
    var profile: String?

    @Option(help: "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    var region: String?

    @Flag(help: "Log every request and response to standard error, with signatures and secrets redacted (also STACKVERIFY_DEBUG=1).")
    var debug = false

    /// The resolved configuration.
    func configuration() throws -> AWSConfiguration {
        try AWSConfiguration.resolve(overrides: .init(profile: profile, region: region))
    }

    /// A client on the resolved configuration.
    func client() throws -> AWSClient {
        let environmentDebug = ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["STACKVERIFY_DEBUG"]?.lowercased() ?? "")
        return AWSClient(configuration: try configuration(), debug: debug || environmentDebug)
    }
}
