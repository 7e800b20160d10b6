extension ECS {
    /// An ECS cluster, as DescribeClusters answers with settings, statistics, tags and configuration.
    public struct Cluster: Sendable, Equatable, Codable {
        /// The ARN.
        public var clusterArn: String
        /// The name.
        public var clusterName: String
        /// `ACTIVE`, `PROVISIONING`, `DEPROVISIONING`, `FAILED` or `INACTIVE` (deleted).
        public var status: String?
        /// EC2 container instances registered.
        public var registeredContainerInstancesCount: Int?
        /// Tasks running.
        public var runningTasksCount: Int?
        /// Tasks pending.
        public var pendingTasksCount: Int?
        /// Services active.
        public var activeServicesCount: Int?
        /// Task and service counts by launch type, e.g. `runningFargateTasksCount`.
        public var statistics: [KeyValuePair]?
        /// Cluster settings; today only `containerInsights`.
        public var settings: [KeyValuePair]?
        /// The capacity providers associated with it.
        public var capacityProviders: [String]?
        /// The strategy used when a service or task names none.
        public var defaultCapacityProviderStrategy: [CapacityProviderStrategyItem]?
        /// ECS Exec and managed storage encryption.
        public var configuration: Configuration?
        /// The tags as ECS lists them; `tags` reads them by key.
        public var tagList: [Tag]?

        /// Container Insights: `enabled`, `enhanced` or `disabled`; `nil` when ECS did not say.
        public var containerInsights: String? { ECS.value("containerInsights", in: settings) }
        /// The tags by key.
        public var tags: [String: String] { ECS.dictionary(tagList) }

        /// How ECS Exec sessions are logged and managed storage is encrypted.
        public struct Configuration: Sendable, Equatable, Codable {
            /// ECS Exec settings.
            public var executeCommandConfiguration: ExecuteCommandConfiguration?
            /// KMS keys of managed storage.
            public var managedStorageConfiguration: ManagedStorageConfiguration?
        }

        /// ECS Exec settings of a cluster.
        public struct ExecuteCommandConfiguration: Sendable, Equatable, Codable {
            /// The KMS key encrypting session data.
            public var kmsKeyId: String?
            /// `NONE`, `DEFAULT` or `OVERRIDE`.
            public var logging: String?
            /// Where sessions are logged with `OVERRIDE`.
            public var logConfiguration: ExecuteCommandLogConfiguration?
        }

        /// Where ECS Exec sessions are logged.
        public struct ExecuteCommandLogConfiguration: Sendable, Equatable, Codable {
            /// The log group.
            public var cloudWatchLogGroupName: String?
            /// Whether the log group must be encrypted.
            public var cloudWatchEncryptionEnabled: Bool?
            /// The bucket.
            public var s3BucketName: String?
            /// Whether the bucket must be encrypted.
            public var s3EncryptionEnabled: Bool?
            /// The key prefix in the bucket.
            public var s3KeyPrefix: String?
        }

        /// KMS keys of a cluster's managed storage.
        public struct ManagedStorageConfiguration: Sendable, Equatable, Codable {
            /// The key for managed storage.
            public var kmsKeyId: String?
            /// The key for Fargate ephemeral storage.
            public var fargateEphemeralStorageKmsKeyId: String?
        }

        enum CodingKeys: String, CodingKey {
            case clusterArn, clusterName, status, registeredContainerInstancesCount, runningTasksCount, pendingTasksCount
            case activeServicesCount, statistics, settings, capacityProviders, defaultCapacityProviderStrategy, configuration
            case tagList = "tags"
        }
    }

    private struct DescribeClustersInput: Encodable {
        var clusters: [String]
        var include = ["CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"]
    }

    private struct DescribeClustersOutput: DescribeAnswer {
        var clusters: [Cluster]?
        var failures: [Failure]?
        var items: [Cluster] { clusters ?? [] }
        var itemARNs: [String] { items.map(\.clusterArn) }
    }

    /// The clusters named `names` (names or ARNs), 100 per call, with settings, statistics, tags and
    /// configuration. A missing cluster throws `.notFound` naming it; no names, no call.
    public func clusters(names: [String]) async throws -> [Cluster] {
        try await describe("DescribeClusters", names, chunkSize: 100, as: DescribeClustersOutput.self) {
            DescribeClustersInput(clusters: $0)
        }
    }
}
