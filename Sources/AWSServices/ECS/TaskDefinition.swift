extension ECS {
    /// A task definition revision, as DescribeTaskDefinition answers with tags.
    public struct TaskDefinition: Sendable, Equatable, Codable {
        /// The ARN, ending in `family:revision`.
        public var taskDefinitionArn: String
        /// The family.
        public var family: String
        /// The revision.
        public var revision: Int
        /// `ACTIVE`, `INACTIVE` or `DELETE_IN_PROGRESS`.
        public var status: String?
        /// `awsvpc`, `bridge`, `host` or `none`.
        public var networkMode: String?
        /// The launch types it was validated for, e.g. `FARGATE`.
        public var requiresCompatibilities: [String]?
        /// Task CPU units, as ECS writes them (`256`).
        public var cpu: String?
        /// Task memory in MiB, as ECS writes it (`512`).
        public var memory: String?
        /// The role the agent uses to pull images and write logs.
        public var executionRoleArn: String?
        /// The role the containers' code runs as.
        public var taskRoleArn: String?
        /// The containers.
        public var containerDefinitions: [ContainerDefinition]
        /// The tags as ECS lists them; `tags` reads them by key.
        public var tagList: [Tag]?

        /// The tags by key.
        public var tags: [String: String] { ECS.dictionary(tagList) }

        enum CodingKeys: String, CodingKey {
            case taskDefinitionArn, family, revision, status, networkMode, requiresCompatibilities, cpu, memory
            case executionRoleArn, taskRoleArn, containerDefinitions
            case tagList = "tags"
        }
    }

    /// One container of a task definition.
    public struct ContainerDefinition: Sendable, Equatable, Codable {
        /// The container name.
        public var name: String
        /// The image.
        public var image: String?
        /// Whether the task stops when this container stops; ECS's default is `true`.
        public var essential: Bool?
        /// CPU units reserved.
        public var cpu: Int?
        /// The hard memory limit in MiB.
        public var memory: Int?
        /// The soft memory limit in MiB.
        public var memoryReservation: Int?
        /// The ports it exposes.
        public var portMappings: [PortMapping]?
        /// Where its output goes.
        public var logConfiguration: LogConfiguration?
        /// Whether its root file system is read-only.
        public var readonlyRootFilesystem: Bool?
        /// Whether it runs privileged.
        public var privileged: Bool?
        /// The user it runs as.
        public var user: String?
        /// Plain environment variables (values in the clear).
        public var environment: [KeyValuePair]?
        /// Variables taken from Secrets Manager or SSM Parameter Store.
        public var secrets: [Secret]?

        /// A port a container exposes.
        public struct PortMapping: Sendable, Equatable, Codable {
            /// The container port.
            public var containerPort: Int?
            /// The host port.
            public var hostPort: Int?
            /// `tcp` or `udp`.
            public var transportProtocol: String?
            /// The port's name, for Service Connect.
            public var name: String?
            /// `http`, `http2` or `grpc`.
            public var appProtocol: String?

            enum CodingKeys: String, CodingKey {
                case containerPort, hostPort, transportProtocol = "protocol", name, appProtocol
            }
        }

        /// A log driver and its options.
        public struct LogConfiguration: Sendable, Equatable, Codable {
            /// `awslogs`, `awsfirelens`, `splunk`...
            public var logDriver: String
            /// The driver's options, e.g. `awslogs-group`, `awslogs-region`.
            public var options: [String: String]?
        }

        /// A variable whose value comes from a secret store.
        public struct Secret: Sendable, Equatable, Codable {
            /// The variable name.
            public var name: String
            /// The secret or parameter ARN.
            public var valueFrom: String
        }
    }

    private struct DescribeTaskDefinitionInput: Encodable {
        var taskDefinition: String
        var include = ["TAGS"]
    }

    private struct DescribeTaskDefinitionOutput: Decodable {
        var taskDefinition: TaskDefinition
        var tags: [Tag]?
    }

    /// The task definition `taskDefinition` (`family`, `family:revision` or ARN) with its tags; a missing one
    /// throws `.client` (ECS answers `ClientException`).
    public func taskDefinition(_ taskDefinition: String) async throws -> TaskDefinition {
        let answer = try await service.call("DescribeTaskDefinition", DescribeTaskDefinitionInput(taskDefinition: taskDefinition), as: DescribeTaskDefinitionOutput.self)
        var definition = answer.taskDefinition
        definition.tagList = answer.tags
        return definition
    }
}
