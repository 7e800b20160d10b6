extension ECS {
    /// An ECS service, as DescribeServices answers with tags.
    public struct Service: Sendable, Equatable, Codable {
        /// The ARN.
        public var serviceArn: String
        /// The name.
        public var serviceName: String
        /// The cluster it runs in.
        public var clusterArn: String?
        /// `ACTIVE`, `DRAINING` or `INACTIVE` (deleted).
        public var status: String?
        /// Tasks it should run.
        public var desiredCount: Int
        /// Tasks running.
        public var runningCount: Int
        /// Tasks pending.
        public var pendingCount: Int
        /// `FARGATE`, `EC2` or `EXTERNAL`; `nil` when a capacity provider strategy is used instead.
        public var launchType: String?
        /// The capacity providers tasks are placed on, when no launch type is given.
        public var capacityProviderStrategy: [CapacityProviderStrategyItem]?
        /// The Fargate platform version, e.g. `LATEST` or `1.4.0`.
        public var platformVersion: String?
        /// The task definition ARN of the primary deployment.
        public var taskDefinition: String?
        /// Subnets, security groups and public IP assignment for `awsvpc` tasks.
        public var networkConfiguration: NetworkConfiguration?
        /// The deployments: one `PRIMARY`, and `ACTIVE` ones still draining.
        public var deployments: [Deployment]?
        /// The load balancer target groups tasks register with.
        public var loadBalancers: [LoadBalancer]?
        /// Rolling-update limits and the circuit breaker.
        public var deploymentConfiguration: DeploymentConfiguration?
        /// `REPLICA` or `DAEMON`.
        public var schedulingStrategy: String?
        /// Whether ECS Exec is on for its tasks.
        public var enableExecuteCommand: Bool?
        /// The tags as ECS lists them; `tags` reads them by key.
        public var tagList: [Tag]?

        /// The tags by key.
        public var tags: [String: String] { ECS.dictionary(tagList) }

        /// How `awsvpc` tasks are networked.
        public struct NetworkConfiguration: Sendable, Equatable, Codable {
            /// The subnets and security groups.
            public var awsvpcConfiguration: AwsVpcConfiguration?
        }

        /// Subnets, security groups and public IP assignment.
        public struct AwsVpcConfiguration: Sendable, Equatable, Codable {
            /// Subnet ids.
            public var subnets: [String]
            /// Security group ids.
            public var securityGroups: [String]?
            /// `ENABLED` or `DISABLED`.
            public var assignPublicIp: String?
        }

        /// One deployment of a service.
        public struct Deployment: Sendable, Equatable, Codable {
            /// The deployment id.
            public var id: String?
            /// `PRIMARY`, `ACTIVE` or `INACTIVE`.
            public var status: String?
            /// Its task definition ARN.
            public var taskDefinition: String?
            /// Tasks it should run.
            public var desiredCount: Int?
            /// Tasks running.
            public var runningCount: Int?
            /// Tasks pending.
            public var pendingCount: Int?
            /// Tasks that failed to start.
            public var failedTasks: Int?
            /// `COMPLETED`, `IN_PROGRESS` or `FAILED`.
            public var rolloutState: String?
            /// Why the rollout is in that state.
            public var rolloutStateReason: String?
            /// Its launch type.
            public var launchType: String?
            /// Its platform version.
            public var platformVersion: String?
        }

        /// A target group (or Classic Load Balancer) tasks register with.
        public struct LoadBalancer: Sendable, Equatable, Codable {
            /// The target group ARN.
            public var targetGroupArn: String?
            /// The Classic Load Balancer name.
            public var loadBalancerName: String?
            /// The container that receives traffic.
            public var containerName: String?
            /// Its port.
            public var containerPort: Int?
        }

        /// Rolling-update limits and the circuit breaker.
        public struct DeploymentConfiguration: Sendable, Equatable, Codable {
            /// The circuit breaker, when set.
            public var deploymentCircuitBreaker: CircuitBreaker?
            /// The most tasks during a deployment, in percent of desired.
            public var maximumPercent: Int?
            /// The fewest healthy tasks during a deployment, in percent of desired.
            public var minimumHealthyPercent: Int?
        }

        /// Stops a failing deployment, and optionally rolls it back.
        public struct CircuitBreaker: Sendable, Equatable, Codable {
            /// Whether it is on.
            public var enable: Bool
            /// Whether a failed deployment is rolled back.
            public var rollback: Bool
        }

        enum CodingKeys: String, CodingKey {
            case serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount, launchType
            case capacityProviderStrategy, platformVersion, taskDefinition, networkConfiguration, deployments, loadBalancers
            case deploymentConfiguration, schedulingStrategy, enableExecuteCommand
            case tagList = "tags"
        }
    }

    /// The ARNs of every service in `cluster` (name or ARN), every page.
    public func serviceARNs(cluster: String) async throws -> [String] {
        try await list("ListServices", ListInput(cluster: cluster))
    }

    private struct DescribeServicesInput: Encodable {
        var cluster: String
        var services: [String]
        var include = ["TAGS"]
    }

    private struct DescribeServicesOutput: DescribeAnswer {
        var services: [Service]?
        var failures: [Failure]?
        var items: [Service] { services ?? [] }
        var itemARNs: [String] { items.map(\.serviceArn) }
    }

    /// The services `names` (names or ARNs) of `cluster`, 10 per call as the API allows, with tags. A missing
    /// service throws `.notFound` naming it; a deleted one is returned with status `INACTIVE`.
    public func services(cluster: String, names: [String]) async throws -> [Service] {
        try await describe("DescribeServices", names, chunkSize: 10, as: DescribeServicesOutput.self) {
            DescribeServicesInput(cluster: cluster, services: $0)
        }
    }
}
