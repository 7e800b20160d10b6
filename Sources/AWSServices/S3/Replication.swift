import AWSClient

extension S3 {
    /// The replication configuration of a bucket.
    public struct ReplicationConfiguration: Sendable, Equatable, Codable {
        /// The IAM role S3 assumes to replicate.
        public var role: String
        /// The rules.
        public var rules: [ReplicationRule]
    }

    /// A replication rule.
    public struct ReplicationRule: Sendable, Equatable, Codable {
        /// The rule id.
        public var id: String?
        /// `Enabled` or `Disabled`.
        public var status: String
        /// Which rule wins when several match an object (higher first); set only by V2 rules.
        public var priority: Int?
        /// The objects it replicates.
        public var filter: ObjectFilter
        /// Where they go.
        public var destination: Destination
        /// Whether delete markers are replicated (`Enabled`/`Disabled`), for V2 rules.
        public var deleteMarkerReplication: String?
        /// Whether objects encrypted with SSE-KMS are replicated (`SseKmsEncryptedObjects`).
        public var sseKmsEncryptedObjects: String?
        /// Whether objects that existed before the rule are replicated.
        public var existingObjectReplication: String?

        /// Where a rule replicates to.
        public struct Destination: Sendable, Equatable, Codable {
            /// The destination bucket's ARN.
            public var bucket: String
            /// The destination account, when replication crosses accounts.
            public var account: String?
            /// The storage class of replicas; `nil` keeps the source's.
            public var storageClass: String?
            /// The KMS key replicas are encrypted with.
            public var replicaKmsKeyID: String?
            /// S3 Replication Time Control: `Enabled` or `Disabled`.
            public var replicationTimeStatus: String?
            /// The time S3 promises replicas within, in minutes (15).
            public var replicationTimeMinutes: Int?
            /// Replication metrics: `Enabled` or `Disabled`.
            public var metricsStatus: String?
            /// The threshold after which a replica counts as late, in minutes.
            public var metricsEventThresholdMinutes: Int?

            /// A destination.
            public init(bucket: String, account: String? = nil, storageClass: String? = nil, replicaKmsKeyID: String? = nil, replicationTimeStatus: String? = nil, replicationTimeMinutes: Int? = nil, metricsStatus: String? = nil, metricsEventThresholdMinutes: Int? = nil) {
                self.bucket = bucket
                self.account = account
                self.storageClass = storageClass
                self.replicaKmsKeyID = replicaKmsKeyID
                self.replicationTimeStatus = replicationTimeStatus
                self.replicationTimeMinutes = replicationTimeMinutes
                self.metricsStatus = metricsStatus
                self.metricsEventThresholdMinutes = metricsEventThresholdMinutes
            }
        }

        init(_ rule: XML.Element) {
            id = rule.text(at: "ID")
            status = rule.text(at: "Status") ?? ""
            priority = rule.int(at: "Priority")
            filter = ObjectFilter(rule: rule)
            let destination = rule.child("Destination")
            self.destination = Destination(
                bucket: destination?.text(at: "Bucket") ?? "",
                account: destination?.text(at: "Account"),
                storageClass: destination?.text(at: "StorageClass"),
                replicaKmsKeyID: destination?.text(at: "EncryptionConfiguration/ReplicaKmsKeyID"),
                replicationTimeStatus: destination?.text(at: "ReplicationTime/Status"),
                replicationTimeMinutes: destination?.int(at: "ReplicationTime/Time/Minutes"),
                metricsStatus: destination?.text(at: "Metrics/Status"),
                metricsEventThresholdMinutes: destination?.int(at: "Metrics/EventThreshold/Minutes")
            )
            deleteMarkerReplication = rule.text(at: "DeleteMarkerReplication/Status")
            sseKmsEncryptedObjects = rule.text(at: "SourceSelectionCriteria/SseKmsEncryptedObjects/Status")
            existingObjectReplication = rule.text(at: "ExistingObjectReplication/Status")
        }
    }

    /// The replication configuration of `bucket` (GetBucketReplication); `nil` when S3 answers
    /// `ReplicationConfigurationNotFoundError`.
    public func replication(bucket: String) async throws -> ReplicationConfiguration? {
        let operation = "GetBucketReplication"
        guard let response = try await getIfConfigured(operation, "replication", bucket: bucket, notConfigured: "ReplicationConfigurationNotFoundError") else {
            return nil
        }
        let root = try xml(response, operation, bucket: bucket)
        return ReplicationConfiguration(role: root.text(at: "Role") ?? "", rules: root.children("Rule").map(ReplicationRule.init))
    }
}
