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
        /// The ARN.
        public var arn: String?
        /// Days events are kept; `nil` keeps them forever.
        public var retentionInDays: Int?
        /// The KMS key that encrypts it, when one does.
        public var kmsKeyId: String?
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

    /// Every log group whose name starts with `prefix` (all when `nil`).
    public func logGroups(prefix: String? = nil) async throws -> [LogGroup] {
        try await service.allPages("DescribeLogGroups", DescribeLogGroupsInput(logGroupNamePrefix: prefix), as: DescribeLogGroupsOutput.self)
    }
}
