import AWSClient

/// A VPC flow log as DescribeFlowLogs reports it.
public struct FlowLog: Sendable, Equatable, Codable {
    /// The flow log id, `fl-...`.
    public var id: String
    /// The VPC, subnet, network interface or transit gateway whose traffic is logged.
    public var resourceId: String
    /// `ACTIVE` once created (AWS's `flowLogStatus`).
    public var status: String?
    /// `SUCCESS`, or `FAILED` when logs cannot be delivered (see `deliverLogsErrorMessage`).
    public var deliverLogsStatus: String?
    /// Why delivery fails, e.g. `Access error` or `Rate limited`.
    public var deliverLogsErrorMessage: String?
    /// `ACCEPT`, `REJECT` or `ALL`.
    public var trafficType: String?
    /// `cloud-watch-logs`, `s3` or `kinesis-data-firehose`.
    public var logDestinationType: String?
    /// The destination's ARN: log group, bucket (with prefix) or delivery stream.
    public var logDestination: String?
    /// The log group name, for CloudWatch Logs destinations.
    public var logGroupName: String?
    /// The longest time, in seconds, a flow is aggregated into one record: 60 or 600.
    public var maxAggregationInterval: Int?
    /// The record format, e.g. `${version} ${account-id} ...`.
    public var logFormat: String?
    /// The role EC2 assumes to publish to CloudWatch Logs.
    public var deliverLogsPermissionArn: String?
    /// The tags.
    public var tags: [String: String]

    init(_ item: XML.Element) {
        id = item.text(at: "flowLogId") ?? ""
        resourceId = item.text(at: "resourceId") ?? ""
        status = item.nonEmptyText(at: "flowLogStatus")
        deliverLogsStatus = item.nonEmptyText(at: "deliverLogsStatus")
        deliverLogsErrorMessage = item.nonEmptyText(at: "deliverLogsErrorMessage")
        trafficType = item.nonEmptyText(at: "trafficType")
        logDestinationType = item.nonEmptyText(at: "logDestinationType")
        logDestination = item.nonEmptyText(at: "logDestination")
        logGroupName = item.nonEmptyText(at: "logGroupName")
        maxAggregationInterval = item.int(at: "maxAggregationInterval")
        logFormat = item.nonEmptyText(at: "logFormat")
        deliverLogsPermissionArn = item.nonEmptyText(at: "deliverLogsPermissionArn")
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The flow logs with these ids (all when empty) that pass every filter, every page walked.
    /// `resource-id` finds the flow logs of a VPC or subnet.
    public func flowLogs(ids: [String] = [], filters: [Filter] = []) async throws -> [FlowLog] {
        try await describeAll("DescribeFlowLogs", parameters: Self.parameters(idName: "FlowLogId", ids: ids, filters: filters)) { root in
            root.items(at: "flowLogSet").map(FlowLog.init)
        }
    }
}
