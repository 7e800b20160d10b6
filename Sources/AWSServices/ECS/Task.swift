extension ECS {
    /// A task, as DescribeTasks answers with tags.
    public struct Task: Sendable, Equatable, Codable {
        /// The ARN.
        public var taskArn: String
        /// The cluster it runs in.
        public var clusterArn: String?
        /// The task definition it runs.
        public var taskDefinitionArn: String?
        /// `PROVISIONING`, `PENDING`, `RUNNING`, `STOPPED`...
        public var lastStatus: String?
        /// What ECS drives it to: `RUNNING` or `STOPPED`.
        public var desiredStatus: String?
        /// `FARGATE`, `EC2` or `EXTERNAL`.
        public var launchType: String?
        /// `service:<name>` for a service's tasks, or the group given to RunTask.
        public var group: String?
        /// Who started it, e.g. the deployment id.
        public var startedBy: String?
        /// Its Availability Zone.
        public var availabilityZone: String?
        /// Its Fargate platform version.
        public var platformVersion: String?
        /// `HEALTHY`, `UNHEALTHY` or `UNKNOWN`.
        public var healthStatus: String?
        /// Why it stopped, when it did.
        public var stoppedReason: String?
        /// What ECS attached, e.g. its network interface for `awsvpc`.
        public var attachments: [Attachment]?
        /// The tags as ECS lists them; `tags` reads them by key.
        public var tagList: [Tag]?

        /// The tags by key.
        public var tags: [String: String] { ECS.dictionary(tagList) }

        /// The task's network interface (`awsvpc` tasks), when ECS attached one.
        public var networkInterface: Attachment? {
            attachments?.first { $0.type == "ElasticNetworkInterface" }
        }

        enum CodingKeys: String, CodingKey {
            case taskArn, clusterArn, taskDefinitionArn, lastStatus, desiredStatus, launchType, group, startedBy
            case availabilityZone, platformVersion, healthStatus, stoppedReason, attachments
            case tagList = "tags"
        }
    }

    /// Something ECS attached to a task. For a network interface the details name its subnet, id, MAC and
    /// private address. A public IP is not among them: ECS does not report it, EC2 DescribeNetworkInterfaces
    /// of `networkInterfaceId` does (`association.publicIp`).
    public struct Attachment: Sendable, Equatable, Codable {
        /// The attachment id.
        public var id: String?
        /// `ElasticNetworkInterface`, `ServiceConnect`...
        public var type: String?
        /// `PRECREATED`, `CREATED`, `ATTACHING`, `ATTACHED`, `DETACHING`, `DETACHED`, `DELETED`, `FAILED`.
        public var status: String?
        /// Name-value details.
        public var details: [KeyValuePair]?

        /// The subnet of a network interface.
        public var subnetId: String? { ECS.value("subnetId", in: details) }
        /// The network interface id, `eni-...`.
        public var networkInterfaceId: String? { ECS.value("networkInterfaceId", in: details) }
        /// The private IPv4 address.
        public var privateIPv4Address: String? { ECS.value("privateIPv4Address", in: details) }
    }

    /// The ARNs of the tasks of `cluster`, only those of the service `serviceName` when given, every page.
    public func taskARNs(cluster: String, serviceName: String? = nil) async throws -> [String] {
        try await list("ListTasks", ListInput(cluster: cluster, serviceName: serviceName))
    }

    private struct DescribeTasksInput: Encodable {
        var cluster: String
        var tasks: [String]
        var include = ["TAGS"]
    }

    private struct DescribeTasksOutput: DescribeAnswer {
        var tasks: [Task]?
        var failures: [Failure]?
        var items: [Task] { tasks ?? [] }
        var itemARNs: [String] { items.map(\.taskArn) }
    }

    /// The tasks `arns` (ARNs or ids) of `cluster`, 100 per call as the API allows, with tags. A missing task
    /// throws `.notFound` naming it.
    public func tasks(cluster: String, arns: [String]) async throws -> [Task] {
        try await describe("DescribeTasks", arns, chunkSize: 100, as: DescribeTasksOutput.self) {
            DescribeTasksInput(cluster: cluster, tasks: $0)
        }
    }
}
