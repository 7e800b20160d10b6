import AWSClient
import AWSServices
import ArgumentParser

/// `stack-verify whoami`: who the credentials belong to and where every call would go.
struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the caller identity, the region, each service's endpoint and where the credentials came from (never the secrets)."
    )

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = try options.client()
        let configuration = client.configuration
        print(Table.render([
            ["Credentials", "\(configuration.credentialSource) (access key \(Self.mask(configuration.credentials.accessKeyID))\(configuration.credentials.sessionToken == nil ? "" : ", with session token"))"],
            ["Region", "\(configuration.region) (from \(configuration.regionSource))"],
            ["Retry", "\(configuration.retry.mode.rawValue), \(configuration.retry.maxAttempts) attempts"],
        ]))
        print("Endpoints")
        print(Table.render(AWSService.allCases.map { service in
            let endpoint = configuration.endpoint(for: service)
            return ["  \(service.displayName)", endpoint.endpoint.description, endpoint.source]
        }))
        let identity = try await STS(client: client).callerIdentity()
        print(Table.render([["Account", identity.account], ["Caller", identity.arn], ["User id", identity.userID]]))
    }

    /// The first and last four characters of an access key id: enough to recognise, not to copy.
    static func mask(_ keyID: String) -> String {
        guard keyID.count > 8 else { return keyID }
        return "\(keyID.prefix(4))…\(keyID.suffix(4))"
    }
}
