import AWSServices

/// The types of resource a spec can name, what each is called in a spec, and its properties.
public enum ResourceKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A VPC, by id.
    case vpc
    /// A subnet, by id.
    case subnet
    /// A route table, by id.
    case routeTable = "route-table"
    /// A NAT gateway, by id.
    case natGateway = "nat-gateway"
    /// An internet gateway, by id.
    case internetGateway = "internet-gateway"
    /// A network ACL, by id.
    case networkAcl = "network-acl"
    /// A security group, by id.
    case securityGroup = "security-group"
    /// A VPC flow log, by id.
    case flowLog = "flow-log"
    /// A VPC endpoint, by id.
    case vpcEndpoint = "vpc-endpoint"
    /// An Elastic IP, by allocation id.
    case elasticIP = "elastic-ip"
    /// An S3 bucket, by name.
    case bucket
    /// A KMS key, by id, ARN or alias.
    case kmsKey = "kms-key"
    /// A CloudWatch Logs log group, by name.
    case logGroup = "log-group"
    /// An ECS cluster, by name or ARN.
    case ecsCluster = "ecs-cluster"
    /// An ECS service, by ARN or cluster/name.
    case ecsService = "ecs-service"
    /// An ECS task definition, by ARN or family:revision.
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
