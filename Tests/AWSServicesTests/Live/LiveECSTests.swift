import AWSClient
import AWSServices
import Foundation
import Testing

/// Every ECS read, decoded from the emulator's answers about the `lms` stack (a cluster with Container
/// Insights and a Fargate service in private subnets), as the read-only identity with signature checking on.
@Suite(
    "live: ECS reads of the lms stack",
    .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason),
    .enabled(if: FixtureOutputs.lms.isAvailable, FixtureOutputs.lms.skipReason)
)
struct LiveECSTests {
    let outputs = FixtureOutputs.lms

    func ecs() throws -> ECS { ECS(client: try LiveEmulator.client()) }

    @Test("DescribeClusters: active, Container Insights on, tagged")
    func cluster() async throws {
        let name = try outputs.string("ecs_cluster_name")
        let cluster = try #require(try await ecs().clusters(names: [name]).first)
        #expect(cluster.clusterArn == (try outputs.string("ecs_cluster_arn")))
        #expect(cluster.clusterName == name)
        #expect(cluster.status == "ACTIVE")
        #expect(cluster.containerInsights == "enabled")
        #expect(cluster.tags["Name"] == name)
        #expect(cluster.runningTasksCount != nil)
    }

    @Test("DescribeClusters of a cluster that does not exist is .notFound naming it")
    func missingCluster() async throws {
        let error = try await #require(throws: AWSError.self) {
            try await ecs().clusters(names: [try outputs.string("ecs_cluster_name"), "stackverify-no-such-cluster"])
        }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("stackverify-no-such-cluster: MISSING"))
    }

    @Test("ListServices and DescribeServices: the Fargate service, in private subnets, running as desired")
    func service() async throws {
        let cluster = try outputs.string("ecs_cluster_name")
        let arn = try outputs.string("ecs_service_arn")
        #expect(try await ecs().serviceARNs(cluster: cluster).contains(arn))
        let service = try #require(try await ecs().services(cluster: cluster, names: [try outputs.string("ecs_service_name")]).first)
        #expect(service.serviceArn == arn)
        #expect(service.status == "ACTIVE")
        #expect(service.desiredCount > 0)
        #expect(service.runningCount == service.desiredCount)
        #expect(service.launchType == "FARGATE")
        #expect(service.taskDefinition == (try outputs.string("task_definition_arn")))
        let network = try #require(service.networkConfiguration?.awsvpcConfiguration)
        #expect(Set(network.subnets) == Set(try outputs.strings("private_subnet_ids")))
        #expect(network.securityGroups == [try outputs.string("service_security_group_id")])
        #expect(network.assignPublicIp == "DISABLED")
        #expect(service.deployments?.first?.status == "PRIMARY")
        #expect(service.tags["Name"] == (try outputs.string("ecs_service_name")))
    }

    @Test("DescribeServices of a service that does not exist is .notFound naming it")
    func missingService() async throws {
        let error = try await #require(throws: AWSError.self) {
            try await ecs().services(cluster: try outputs.string("ecs_cluster_name"), names: ["stackverify-no-such-service"])
        }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("stackverify-no-such-service"))
    }

    @Test("DescribeTaskDefinition: Fargate, awsvpc, sizes, roles and the container's awslogs settings")
    func taskDefinition() async throws {
        let definition = try await ecs().taskDefinition(try outputs.string("task_definition_arn"))
        #expect(definition.family == (try outputs.string("task_definition_family")))
        #expect(definition.revision >= 1)
        #expect(definition.status == "ACTIVE")
        #expect(definition.networkMode == "awsvpc")
        #expect(definition.requiresCompatibilities == ["FARGATE"])
        #expect(definition.cpu == "512")
        #expect(definition.memory == "1024")
        #expect(definition.executionRoleArn == (try outputs.string("task_execution_role_arn")))
        #expect(definition.tags["Name"] == definition.family)
        let container = try #require(definition.containerDefinitions.first)
        #expect(container.essential == true)
        #expect(container.image?.isEmpty == false)
        #expect(container.portMappings?.first?.containerPort == 8080)
        #expect(container.logConfiguration?.logDriver == "awslogs")
        #expect(container.logConfiguration?.options?["awslogs-group"] == (try outputs.string("log_group_name")))
    }

    @Test("ListTasks and DescribeTasks: every task listed is described, in the stack's cluster")
    func tasks() async throws {
        let cluster = try outputs.string("ecs_cluster_name")
        // moto creates no tasks for services, so this list is usually empty there (docs/emulator.md).
        let arns = try await ecs().taskARNs(cluster: cluster, serviceName: try outputs.string("ecs_service_name"))
        let tasks = try await ecs().tasks(cluster: cluster, arns: arns)
        #expect(tasks.map(\.taskArn) == arns)
        #expect(tasks.allSatisfy { $0.clusterArn == (try? outputs.string("ecs_cluster_arn")) })
    }

    @Test("DescribeTasks of a task that does not exist is .notFound naming it")
    func missingTask() async throws {
        let cluster = try outputs.string("ecs_cluster_name")
        let error = try await #require(throws: AWSError.self) { try await ecs().tasks(cluster: cluster, arns: ["0123456789abcdef0123456789abcdef"]) }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("0123456789abcdef0123456789abcdef"))
    }
}
