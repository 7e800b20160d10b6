import AWSClient

/// Reads of Amazon CloudWatch Logs, over JSON 1.1.
public struct CloudWatchLogs: Sendable {
    private let service: JSONService

    /// CloudWatch Logs through `client`.
    public init(client: AWSClient) {
        service = JSONService(client: client, service: .logs, targetPrefix: "Logs_20140328")
    }

    /// A log group.
    public struct LogGroup: Sendable, Equatable, Codable {
        /// The name, e.g. `/aws/ecs/app`.
        public var logGroupName: String
        /// The ARN as DescribeLogGroups writes it, ending in `:*`.
        public var arn: String?
        /// The ARN without the trailing `:*`, the form tagging and IAM use; newer answers only.
        public var logGroupArn: String?
        /// When it was created, in milliseconds since 1970.
        public var creationTime: Int64?
        /// Days events are kept; `nil` keeps them forever.
        public var retentionInDays: Int?
        /// The KMS key ARN that encrypts it, when one does.
        public var kmsKeyId: String?
        /// How many metric filters it has.
        public var metricFilterCount: Int?
        /// The bytes stored.
        public var storedBytes: Int64?
        /// `ACTIVATED`, `DELETED`, `ARCHIVED` or `DISABLED` data protection, when a policy was ever set.
        public var dataProtectionStatus: String?
        /// `STANDARD`, `INFREQUENT_ACCESS` or `DELIVERY`.
        public var logGroupClass: String?

        /// The ARN that ListTagsForResource takes: `logGroupArn`, or `arn` without its `:*`.
        public var taggingARN: String? {
            logGroupArn ?? arn.map(CloudWatchLogs.withoutWildcard)
        }
    }

    private struct DescribeLogGroupsInput: Encodable, PageRequest {
        var logGroupNamePrefix: String?
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case logGroupNamePrefix, pageToken = "nextToken" }
    }

    private struct DescribeLogGroupsOutput: Decodable, PageResponse {
        var logGroups: [LogGroup]?
        var nextToken: String?
        var items: [LogGroup] { logGroups ?? [] }
        var pageToken: String? { nextToken }
    }

    /// Every log group whose name starts with `prefix` (all when `nil`), every page.
    public func logGroups(prefix: String? = nil) async throws -> [LogGroup] {
        try await service.allPages("DescribeLogGroups", DescribeLogGroupsInput(logGroupNamePrefix: prefix), as: DescribeLogGroupsOutput.self)
    }

    /// A metric filter: log events matching a pattern become a CloudWatch metric.
    public struct MetricFilter: Sendable, Equatable, Codable {
        /// The filter name.
        public var filterName: String
        /// The pattern events must match.
        public var filterPattern: String?
        /// The log group it reads.
        public var logGroupName: String?
        /// When it was created, in milliseconds since 1970.
        public var creationTime: Int64?
        /// The metrics it publishes.
        public var metricTransformations: [MetricTransformation]

        /// A metric published by a filter.
        public struct MetricTransformation: Sendable, Equatable, Codable {
            /// The metric name.
            public var metricName: String
            /// The metric namespace.
            public var metricNamespace: String
            /// What is published per match, e.g. `1` or `$.latency`.
            public var metricValue: String
            /// What is published when nothing matched, if anything.
            public var defaultValue: Double?
            /// The unit, e.g. `Count`.
            public var unit: String?
        }
    }

    private struct LogGroupPageInput: Encodable, PageRequest {
        var logGroupName: String
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case logGroupName, pageToken = "nextToken" }
    }

    private struct DescribeMetricFiltersOutput: Decodable, PageResponse {
        var metricFilters: [MetricFilter]?
        var nextToken: String?
        var items: [MetricFilter] { metricFilters ?? [] }
        var pageToken: String? { nextToken }
    }

    /// Every metric filter of the log group `logGroupName`, every page.
    public func metricFilters(logGroupName: String) async throws -> [MetricFilter] {
        try await service.allPages("DescribeMetricFilters", LogGroupPageInput(logGroupName: logGroupName), as: DescribeMetricFiltersOutput.self)
    }

    /// A subscription filter: matching log events are streamed to a destination.
    public struct SubscriptionFilter: Sendable, Equatable, Codable {
        /// The filter name.
        public var filterName: String
        /// The log group it reads.
        public var logGroupName: String?
        /// The pattern events must match (empty: every event).
        public var filterPattern: String?
        /// Where events go: a Kinesis stream, Firehose, Lambda function or a logs destination.
        public var destinationArn: String?
        /// The role CloudWatch Logs assumes to deliver.
        public var roleArn: String?
        /// `ByLogStream` or `Random` (Kinesis only).
        public var distribution: String?
        /// When it was created, in milliseconds since 1970.
        public var creationTime: Int64?
    }

    private struct DescribeSubscriptionFiltersOutput: Decodable, PageResponse {
        var subscriptionFilters: [SubscriptionFilter]?
        var nextToken: String?
        var items: [SubscriptionFilter] { subscriptionFilters ?? [] }
        var pageToken: String? { nextToken }
    }

    /// Every subscription filter of the log group `logGroupName`, every page.
    public func subscriptionFilters(logGroupName: String) async throws -> [SubscriptionFilter] {
        try await service.allPages("DescribeSubscriptionFilters", LogGroupPageInput(logGroupName: logGroupName), as: DescribeSubscriptionFiltersOutput.self)
    }

    private struct ListTagsForResourceInput: Encodable {
        var resourceArn: String
    }

    private struct ListTagsForResourceOutput: Decodable {
        var tags: [String: String]?
    }

    /// The tags of a log group (or destination) by ARN (ListTagsForResource). The `arn` DescribeLogGroups
    /// gives ends in `:*`, which this API refuses; it is dropped here, so either form may be passed.
    public func tags(resourceARN: String) async throws -> [String: String] {
        let input = ListTagsForResourceInput(resourceArn: Self.withoutWildcard(resourceARN))
        return try await service.call("ListTagsForResource", input, as: ListTagsForResourceOutput.self).tags ?? [:]
    }

    /// `arn:aws:logs:…:log-group:name` for `arn:aws:logs:…:log-group:name:*`.
    static func withoutWildcard(_ arn: String) -> String {
        arn.hasSuffix(":*") ? String(arn.dropLast(2)) : arn
    }
}
