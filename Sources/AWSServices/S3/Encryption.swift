import AWSClient

extension S3 {
    /// A default-encryption rule of a bucket.
    public struct EncryptionRule: Sendable, Equatable, Codable {
        /// `AES256` (SSE-S3), `aws:kms` (SSE-KMS) or `aws:kms:dsse`.
        public var sseAlgorithm: String
        /// The KMS key (id, ARN or alias) for `aws:kms`; `nil` means the AWS managed key `aws/s3`.
        public var kmsMasterKeyID: String?
        /// Whether an S3 Bucket Key cuts KMS calls, when S3 says.
        public var bucketKeyEnabled: Bool?

        /// A rule.
        public init(sseAlgorithm: String, kmsMasterKeyID: String? = nil, bucketKeyEnabled: Bool? = nil) {
            self.sseAlgorithm = sseAlgorithm
            self.kmsMasterKeyID = kmsMasterKeyID
            self.bucketKeyEnabled = bucketKeyEnabled
        }
    }

    /// The default-encryption rules of `bucket` (GetBucketEncryption). Since January 2023 AWS answers
    /// SSE-S3 (`AES256`) for a bucket never configured; `nil` when S3 answers
    /// `ServerSideEncryptionConfigurationNotFoundError`, as older endpoints and emulators do.
    public func encryption(bucket: String) async throws -> [EncryptionRule]? {
        let operation = "GetBucketEncryption"
        guard let response = try await getIfConfigured(operation, "encryption", bucket: bucket, notConfigured: "ServerSideEncryptionConfigurationNotFoundError") else {
            return nil
        }
        return try xml(response, operation, bucket: bucket).children("Rule").map { rule in
            EncryptionRule(
                sseAlgorithm: rule.text(at: "ApplyServerSideEncryptionByDefault/SSEAlgorithm") ?? "",
                kmsMasterKeyID: rule.text(at: "ApplyServerSideEncryptionByDefault/KMSMasterKeyID"),
                bucketKeyEnabled: rule.bool(at: "BucketKeyEnabled")
            )
        }
    }
}
