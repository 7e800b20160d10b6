import AWSClient
import Foundation

/// Reads of AWS KMS, over JSON 1.1. A key that does not exist is an `AWSError` of kind `.notFound`
/// (`NotFoundException`); a key the caller may not read is `.auth` (`AccessDeniedException`).
public struct KMS: Sendable {
    private let service: JSONService

    /// KMS through `client`.
    public init(client: AWSClient) {
        service = JSONService(client: client, service: .kms, targetPrefix: "TrentService", pascalCaseMembers: true)
    }

    private struct KeyInput: Encodable {
        var keyId: String
    }

    /// What KMS says about a key (DescribeKey's `KeyMetadata`).
    public struct KeyMetadata: Sendable, Equatable, Codable {
        /// The key id (a UUID, or `mrk-...` for multi-Region keys).
        public var keyId: String
        /// The key ARN.
        public var arn: String?
        /// The owning account.
        public var awsAccountId: String?
        /// `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, ...
        public var keyState: String?
        /// Whether the key can be used.
        public var enabled: Bool?
        /// `CUSTOMER` or `AWS` (an AWS managed key).
        public var keyManager: String?
        /// The key type, e.g. `SYMMETRIC_DEFAULT`.
        public var keySpec: String?
        /// `ENCRYPT_DECRYPT`, `SIGN_VERIFY`, `GENERATE_VERIFY_MAC` or `KEY_AGREEMENT`.
        public var keyUsage: String?
        /// Where the key material came from: `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
        public var origin: String?
        /// Whether it is a multi-Region key.
        public var multiRegion: Bool?
        /// When a key pending deletion will be deleted.
        public var deletionDate: Date?
        /// The days of the pending-deletion window.
        public var pendingDeletionWindowInDays: Int?
        /// The description.
        public var description: String?
        /// When the key was created.
        public var creationDate: Date?
    }

    private struct DescribeKeyOutput: Decodable {
        var keyMetadata: KeyMetadata
    }

    /// What KMS says about the key `keyID` (an id, ARN, alias name or alias ARN).
    public func describeKey(keyID: String) async throws -> KeyMetadata {
        try await service.call("DescribeKey", KeyInput(keyId: keyID), as: DescribeKeyOutput.self).keyMetadata
    }

    /// Whether and how often a key's material is rotated automatically.
    public struct KeyRotationStatus: Sendable, Equatable, Codable {
        /// Whether automatic rotation is on.
        public var keyRotationEnabled: Bool
        /// Days between rotations, when rotation is on.
        public var rotationPeriodInDays: Int?
        /// When the next automatic rotation happens.
        public var nextRotationDate: Date?
    }

    /// The automatic rotation of the key `keyID` (GetKeyRotationStatus; an id or ARN, not an alias).
    public func keyRotationStatus(keyID: String) async throws -> KeyRotationStatus {
        try await service.call("GetKeyRotationStatus", KeyInput(keyId: keyID), as: KeyRotationStatus.self)
    }

    private struct GetKeyPolicyInput: Encodable {
        var keyId: String
        var policyName = "default"
    }

    private struct GetKeyPolicyOutput: Decodable {
        var policy: String
    }

    /// The key policy of `keyID` (GetKeyPolicy with the only policy name KMS has, `default`), text and
    /// parsed. A policy that is not valid JSON throws `PolicyDocument.ParseError` naming the key.
    public func keyPolicy(keyID: String) async throws -> ResourcePolicy {
        let policy = try await service.call("GetKeyPolicy", GetKeyPolicyInput(keyId: keyID), as: GetKeyPolicyOutput.self).policy
        return try ResourcePolicy(text: policy, resource: "key policy of \(keyID)")
    }

    /// A key alias.
    public struct Alias: Sendable, Equatable, Codable {
        /// `alias/...`.
        public var aliasName: String
        /// The alias ARN.
        public var aliasArn: String?
        /// The key it points at, when it points at one.
        public var targetKeyId: String?
    }

    /// A request of KMS's paginated lists, which page by `Marker`.
    private struct KeyListInput: Encodable, PageRequest {
        var keyId: String?
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case keyId, pageToken = "marker" }
    }

    private struct ListAliasesOutput: Decodable, PageResponse {
        var aliases: [Alias]?
        var nextMarker: String?
        var truncated: Bool?
        var items: [Alias] { aliases ?? [] }
        var pageToken: String? { truncated == true ? nextMarker : nil }
    }

    /// Every alias in the account and region, or of one key.
    public func aliases(keyID: String? = nil) async throws -> [Alias] {
        try await service.allPages("ListAliases", KeyListInput(keyId: keyID), as: ListAliasesOutput.self)
    }

    private struct Tag: Decodable {
        var tagKey: String
        var tagValue: String
    }

    private struct ListResourceTagsOutput: Decodable, PageResponse {
        var tags: [Tag]?
        var nextMarker: String?
        var truncated: Bool?
        var items: [Tag] { tags ?? [] }
        var pageToken: String? { truncated == true ? nextMarker : nil }
    }

    /// The tags of the key `keyID` (ListResourceTags, every page).
    public func resourceTags(keyID: String) async throws -> [String: String] {
        let tags = try await service.allPages("ListResourceTags", KeyListInput(keyId: keyID), as: ListResourceTagsOutput.self)
        return Dictionary(tags.map { ($0.tagKey, $0.tagValue) }, uniquingKeysWith: { _, last in last })
    }
}
