import AWSClient

extension S3 {
    /// The versioning state of a bucket.
    public struct Versioning: Sendable, Equatable, Codable {
        /// `Enabled` or `Suspended`; `nil` for a bucket whose versioning was never turned on.
        public var status: String?
        /// MFA delete: `Enabled` or `Disabled`; `nil` when never configured.
        public var mfaDelete: String?

        /// A versioning state.
        public init(status: String? = nil, mfaDelete: String? = nil) {
            self.status = status
            self.mfaDelete = mfaDelete
        }
    }

    /// The versioning state of `bucket` (GetBucketVersioning); S3 always answers, with no status for a bucket
    /// never versioned.
    public func versioning(bucket: String) async throws -> Versioning {
        let operation = "GetBucketVersioning"
        let root = try xml(try await get(operation, "versioning", bucket: bucket), operation, bucket: bucket)
        return Versioning(status: root.text(at: "Status"), mfaDelete: root.text(at: "MfaDelete"))
    }

    /// Where a bucket's server access logs go.
    public struct Logging: Sendable, Equatable, Codable {
        /// The bucket that receives the logs.
        public var targetBucket: String
        /// The key prefix of the log objects.
        public var targetPrefix: String

        /// A logging target.
        public init(targetBucket: String, targetPrefix: String) {
            self.targetBucket = targetBucket
            self.targetPrefix = targetPrefix
        }
    }

    /// Where `bucket`'s server access logs go (GetBucketLogging); `nil` when logging is off (S3 answers
    /// without `LoggingEnabled`).
    public func logging(bucket: String) async throws -> Logging? {
        let operation = "GetBucketLogging"
        let root = try xml(try await get(operation, "logging", bucket: bucket), operation, bucket: bucket)
        return root.child("LoggingEnabled").map {
            Logging(targetBucket: $0.text(at: "TargetBucket") ?? "", targetPrefix: $0.text(at: "TargetPrefix") ?? "")
        }
    }

    /// The tags of `bucket` (GetBucketTagging); `nil` when S3 answers `NoSuchTagSet` (no tags).
    public func tagging(bucket: String) async throws -> [String: String]? {
        let operation = "GetBucketTagging"
        guard let response = try await getIfConfigured(operation, "tagging", bucket: bucket, notConfigured: "NoSuchTagSet") else {
            return nil
        }
        return S3.tags(try xml(response, operation, bucket: bucket).element(at: "TagSet")?.children("Tag") ?? [])
    }
}
