import AWSServices

/// The types of resource a spec can name, what each is called in a spec, and its properties.
public enum ResourceKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case vpc
    case subnet
    case routeTable = "route-table"
    case natGateway = "nat-gateway"
    case internetGateway = "internet-gateway"
    case networkAcl = "network-acl"
    case securityGroup = "security-group"
    case flowLog = "flow-log"
    case vpcEndpoint = "vpc-endpoint"
    case elasticIP = "elastic-ip"
    case bucket
    case kmsKey = "kms-key"
    case logGroup = "log-group"
    case ecsCluster = "ecs-cluster"
    case ecsService = "ecs-service"
    case taskDefinition = "task-definition"

    /// The name a spec uses, e.g. `route-table`.
    public var description: String { rawValue }

    /// Whether resources of this type can be found by tags (EC2 `tag:` filters).
    public var isFoundByTags: Bool {
        switch self {
        case .vpc, .subnet, .routeTable, .natGateway, .internetGateway, .networkAcl, .securityGroup, .flowLog, .vpcEndpoint, .elasticIP: true
        default: false
        }
    }

    /// What identifies a resource of this type in a spec.
    public var identifier: String {
        switch self {
        case .bucket: "bucket name"
        case .kmsKey: "key id, key ARN or alias"
        case .logGroup: "log group name"
        case .ecsCluster: "cluster name or ARN"
        case .ecsService: "service ARN, or cluster/service"
        case .taskDefinition: "task definition ARN or family:revision"
        case .elasticIP: "allocation id"
        default: "resource id"
        }
    }

    /// Every property path a spec may test, as `describe --json` shows them.
    public var propertyPaths: [String] {
        switch self {
        case .vpc: PropertySchema.paths(of: Vpc.self) + ["enableDnsSupport", "enableDnsHostnames"]
        case .subnet: PropertySchema.paths(of: Subnet.self)
        case .routeTable: PropertySchema.paths(of: RouteTable.self)
        case .natGateway: PropertySchema.paths(of: NatGateway.self)
        case .internetGateway: PropertySchema.paths(of: InternetGateway.self)
        case .networkAcl: PropertySchema.paths(of: NetworkAcl.self)
        case .securityGroup: PropertySchema.paths(of: SecurityGroup.self)
        case .flowLog: PropertySchema.paths(of: FlowLog.self)
        case .vpcEndpoint: PropertySchema.paths(of: VpcEndpoint.self)
        case .elasticIP: PropertySchema.paths(of: ElasticIP.self)
        case .bucket: PropertySchema.paths(of: BucketConfiguration.self)
        case .kmsKey: PropertySchema.paths(of: KeyConfiguration.self)
        case .logGroup: PropertySchema.paths(of: CloudWatchLogs.LogGroup.self) + ["tags"]
        case .ecsCluster: PropertySchema.paths(of: ECS.Cluster.self) + ["containerInsights", "tags"]
        case .ecsService: PropertySchema.paths(of: ECS.Service.self) + ["tags"]
        case .taskDefinition: PropertySchema.paths(of: ECS.TaskDefinition.self) + ["tags"]
        }
    }

    /// The top-level property names, which a spec's property paths must start with.
    var propertyNames: Set<String> {
        Set(propertyPaths.map { String($0.prefix { $0 != "." && $0 != "[" }) })
    }
}
