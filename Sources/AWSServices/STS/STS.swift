import AWSClient

/// Who the caller is, as STS GetCallerIdentity answers.
public struct CallerIdentity: Sendable, Equatable, Codable {
    /// The 12-digit account id.
    public var account: String
    /// The ARN of the user or assumed role.
    public var arn: String
    /// The unique id of the principal.
    public var userID: String
}

/// Reads of AWS STS.
public struct STS: Sendable {
    private let client: AWSClient
    static let version = "2011-06-15"

    /// STS through `client`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// The identity the client's credentials belong to; needs no permission.
    public func callerIdentity() async throws -> CallerIdentity {
        let request = OperationRequest.query(service: .sts, action: "GetCallerIdentity", version: Self.version)
        let response = try await client.send(request)
        let root = try client.xml(response, of: request)
        guard let result = root.child("GetCallerIdentityResult"), let account = result.text(at: "Account"), let arn = result.text(at: "Arn") else {
            throw client.malformed(request, response, reason: "no GetCallerIdentityResult with Account and Arn")
        }
        return CallerIdentity(account: account, arn: arn, userID: result.text(at: "UserId") ?? "")
    }
}
