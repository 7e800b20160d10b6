import AWSClient

extension S3 {
    /// The four S3 Block Public Access settings of a bucket; a setting S3 leaves out is off.
    public struct PublicAccessBlock: Sendable, Equatable, Codable {
        /// New public ACLs are refused.
        public var blockPublicAcls: Bool
        /// Existing public ACLs are ignored.
        public var ignorePublicAcls: Bool
        /// New public bucket policies are refused.
        public var blockPublicPolicy: Bool
        /// A public policy grants access only to AWS services and the owner's account.
        public var restrictPublicBuckets: Bool

        /// The four settings.
        public init(blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool) {
            self.blockPublicAcls = blockPublicAcls
            self.ignorePublicAcls = ignorePublicAcls
            self.blockPublicPolicy = blockPublicPolicy
            self.restrictPublicBuckets = restrictPublicBuckets
        }

        /// Whether all four are on.
        public var blocksEverything: Bool {
            blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets
        }
    }

    /// The bucket-level Block Public Access settings of `bucket` (GetPublicAccessBlock); `nil` when S3
    /// answers `NoSuchPublicAccessBlockConfiguration` (account-level settings may still apply).
    public func publicAccessBlock(bucket: String) async throws -> PublicAccessBlock? {
        let operation = "GetPublicAccessBlock"
        guard let response = try await getIfConfigured(operation, "publicAccessBlock", bucket: bucket, notConfigured: "NoSuchPublicAccessBlockConfiguration") else {
            return nil
        }
        let root = try xml(response, operation, bucket: bucket)
        return PublicAccessBlock(
            blockPublicAcls: root.bool(at: "BlockPublicAcls") ?? false,
            ignorePublicAcls: root.bool(at: "IgnorePublicAcls") ?? false,
            blockPublicPolicy: root.bool(at: "BlockPublicPolicy") ?? false,
            restrictPublicBuckets: root.bool(at: "RestrictPublicBuckets") ?? false
        )
    }

    /// The bucket policy of `bucket` (GetBucketPolicy), text and parsed; `nil` when S3 answers
    /// `NoSuchBucketPolicy`. A policy that is not valid JSON throws `PolicyDocument.ParseError` naming the bucket.
    public func policy(bucket: String) async throws -> ResourcePolicy? {
        guard let response = try await getIfConfigured("GetBucketPolicy", "policy", bucket: bucket, notConfigured: "NoSuchBucketPolicy") else {
            return nil
        }
        return try ResourcePolicy(text: response.bodyText, resource: "bucket policy of \(bucket)")
    }

    /// Who owns objects written to `bucket` (GetBucketOwnershipControls): `BucketOwnerEnforced` (ACLs off),
    /// `BucketOwnerPreferred` or `ObjectWriter`; `nil` when S3 answers `OwnershipControlsNotFoundError`.
    public func ownershipControls(bucket: String) async throws -> String? {
        let operation = "GetBucketOwnershipControls"
        guard let response = try await getIfConfigured(operation, "ownershipControls", bucket: bucket, notConfigured: "OwnershipControlsNotFoundError") else {
            return nil
        }
        return try xml(response, operation, bucket: bucket).text(at: "Rule/ObjectOwnership")
    }
}
