import AWSClient

/// Reads of AWS KMS, over JSON 1.1.
public struct KMS: Sendable {
    private let service: JSONService

    /// KMS through `client`.
    public init(client: AWSClient) {
        service = JSONService(client: client, service: .kms, targetPrefix: "TrentService")
    }

    /// A key alias.
    public struct Alias: Sendable, Equatable, Codable {
        /// `alias/...`.
        public var aliasName: String
        /// The alias ARN.
        public var aliasArn: String?
        /// The key it points at, when it points at one.
        public var targetKeyId: String?

        enum CodingKeys: String, CodingKey {
            case aliasName = "AliasName", aliasArn = "AliasArn", targetKeyId = "TargetKeyId"
        }
    }

    private struct ListAliasesInput: Encodable, PageRequest {
        var keyId: String?
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case keyId = "KeyId", pageToken = "Marker" }
    }

    private struct ListAliasesOutput: Decodable, PageResponse {
        var aliases: [Alias]?
        var nextMarker: String?
        var truncated: Bool?
        var items: [Alias] { aliases ?? [] }
        var pageToken: String? { truncated == true ? nextMarker : nil }
        enum CodingKeys: String, CodingKey { case aliases = "Aliases", nextMarker = "NextMarker", truncated = "Truncated" }
    }

    /// Every alias in the account and region, or of one key.
    public func aliases(keyID: String? = nil) async throws -> [Alias] {
        try await service.allPages("ListAliases", ListAliasesInput(keyId: keyID), as: ListAliasesOutput.self)
    }
}
