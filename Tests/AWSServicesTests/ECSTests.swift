import AWSClient
import AWSServices
import Foundation
import Testing

/// ECS reads decoded from answers recorded in real AWS shapes, including failures and pagination.
struct ECSRecordedTests {
    static let cluster = "lms-cluster-pr123"

    static func ecs(_ files: String...) throws -> (ECS, RecordedAWS) {
        let (client, aws) = try RecordedAWS.client("ecs", files: files)
        return (ECS(client: client), aws)
    }

    @Test("DescribeClusters asks for settings, statistics, tags and configurations and decodes them")
    func clusters() async throws {
        let (ecs, aws) = try Self.ecs("describe-clusters.json")
        let cluster = try #require(try await ecs.clusters(names: [Self.cluster]).first)
        #expect(aws.target(0) == "AmazonEC2ContainerServiceV20141113.DescribeClusters")
        #expect(try aws.jsonBody(0)["include"] as? [String] == ["CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"])
        #expect(try aws.jsonBody(0)["clusters"] as? [String] == [Self.cluster])
        #expect(cluster.clusterArn == "arn:aws:ecs:us-east-1:123456789012:cluster/lms-cluster-pr123")
        #expect(cluster.clusterName == Self.cluster)
        #expect(cluster.status == "ACTIVE")
        #expect(cluster.containerInsights == "enabled")
        #expect(cluster.capacityProviders == ["FARGATE", "FARGATE_SPOT"])
        #expect(cluster.defaultCapacityProviderStrategy?.map(\.capacityProvider) == ["FARGATE", "FARGATE_SPOT"])
        #expect(cluster.defaultCapacityProviderStrategy?.last?.weight == 3)
        #expect(cluster.defaultCapacityProviderStrategy?.first?.base == 1)
        #expect(cluster.registeredContainerInstancesCount == 0)
        #expect(cluster.runningTasksCount == 2)
        #expect(cluster.pendingTasksCount == 0)
        #expect(cluster.activeServicesCount == 1)
        #expect(cluster.statistics?.first { $0.name == "runningFargateTasksCount" }?.value == "2")
        #expect(cluster.tags == ["Environment": "pr123", "Name": Self.cluster])
        let exec = try #require(cluster.configuration?.executeCommandConfiguration)
        #expect(exec.logging == "OVERRIDE")
        #expect(exec.kmsKeyId == "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
        #expect(exec.logConfiguration?.cloudWatchLogGroupName == "/ecs/exec-pr123")
        #expect(exec.logConfiguration?.cloudWatchEncryptionEnabled == true)
    }

    @Test("DescribeClusters failures are one .notFound error naming every missing cluster")
    func clusterFailures() async throws {
        let (client, _) = RecordedAWS.client([
            try RecordedAWS.answer(file: "ecs/describe-clusters-failures.json", headers: ["x-amzn-RequestId": "0a1b2c3d-ecs-request"]),
        ])
        let error = try await #require(throws: AWSError.self) {
            try await ECS(client: client).clusters(names: ["lms-cluster-pr999", "lms-cluster-pr998"])
        }
        #expect(error.kind == .notFound)
        #expect(error.code == "MISSING")
        #expect(error.operation == "DescribeClusters")
        #expect(error.message == "not found: arn:aws:ecs:us-east-1:123456789012:cluster/lms-cluster-pr999: MISSING, arn:aws:ecs:us-east-1:123456789012:cluster/lms-cluster-pr998: MISSING")
        #expect(error.requestID == "0a1b2c3d-ecs-request")
    }

    @Test("a failure other than MISSING is a .client error with its detail")
    func otherFailure() async throws {
        let (ecs, _) = try Self.ecs("describe-services-failure-reason.json")
        let error = try await #require(throws: AWSError.self) { try await ecs.services(cluster: Self.cluster, names: ["lms-service-pr123"]) }
        #expect(error.kind == .client)
        #expect(error.code == "ACCESS_DENIED")
        #expect(error.message.contains("(the service is in another account)"))
    }

    @Test("a resource left out of the answer without a failure counts as missing")
    func leftOut() async throws {
        let (ecs, _) = try Self.ecs("describe-tasks.json")
        let missing = "arn:aws:ecs:us-east-1:123456789012:task/lms-cluster-pr123/ffffffffffffffffffffffffffffffff"
        let error = try await #require(throws: AWSError.self) {
            try await ecs.tasks(cluster: Self.cluster, arns: ["0f1e2d3c4b5a69788796a5b4c3d2e1f0", missing])
        }
        #expect(error.kind == .notFound)
        #expect(error.message == "not found: \(missing): MISSING (left out of the answer)")
    }

    @Test("ListServices walks two pages by nextToken")
    func serviceARNsPaginate() async throws {
        let (ecs, aws) = try Self.ecs("list-services-page-1.json", "list-services-page-2.json")
        let arns = try await ecs.serviceARNs(cluster: Self.cluster)
        #expect(arns.map { $0.split(separator: "/").last.map(String.init) } == ["lms-service-pr123", "lms-worker-pr123", "lms-admin-pr123"])
        #expect(try aws.jsonBody(0)["cluster"] as? String == Self.cluster)
        #expect(try aws.jsonBody(0)["nextToken"] == nil)
        #expect(try aws.jsonBody(1)["nextToken"] as? String == "eyJlbmNyeXB0ZWREYXRhIjpbXX0=")
    }

    @Test("DescribeServices sends at most 10 names per call, with tags")
    func servicesChunked() async throws {
        let names = (1...23).map { "svc-\($0)" }
        let empty = HTTPResponse(status: 200, body: Data(#"{"services":[],"failures":[]}"#.utf8))
        let (client, aws) = RecordedAWS.client([empty, empty, empty])
        let error = try await #require(throws: AWSError.self) { try await ECS(client: client).services(cluster: Self.cluster, names: names) }
        #expect(try (0..<3).map { try aws.jsonBody($0)["services"] as? [String] } == [Array(names[0..<10]), Array(names[10..<20]), Array(names[20...])])
        #expect(try aws.jsonBody(0)["include"] as? [String] == ["TAGS"])
        // Every name, from every chunk, is in the one error.
        #expect(error.kind == .notFound)
        #expect(error.message.contains("svc-1: MISSING") && error.message.contains("svc-23: MISSING"))
    }

    @Test("DescribeServices: counts, network, deployments, load balancers, tags")
    func services() async throws {
        let (ecs, _) = try Self.ecs("describe-services.json")
        let service = try #require(try await ecs.services(cluster: Self.cluster, names: ["lms-service-pr123"]).first)
        #expect(service.serviceName == "lms-service-pr123")
        #expect(service.serviceArn == "arn:aws:ecs:us-east-1:123456789012:service/lms-cluster-pr123/lms-service-pr123")
        #expect(service.clusterArn == "arn:aws:ecs:us-east-1:123456789012:cluster/lms-cluster-pr123")
        #expect(service.status == "ACTIVE")
        #expect((service.desiredCount, service.runningCount, service.pendingCount) == (2, 2, 0))
        #expect(service.launchType == nil)
        #expect(service.capacityProviderStrategy?.first?.capacityProvider == "FARGATE")
        #expect(service.platformVersion == "LATEST")
        #expect(service.taskDefinition == "arn:aws:ecs:us-east-1:123456789012:task-definition/lms-pr123:3")
        let network = try #require(service.networkConfiguration?.awsvpcConfiguration)
        #expect(network.subnets == ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"])
        #expect(network.securityGroups == ["sg-0123456789abcdef0"])
        #expect(network.assignPublicIp == "DISABLED")
        let deployment = try #require(service.deployments?.first)
        #expect(deployment.status == "PRIMARY")
        #expect(deployment.rolloutState == "COMPLETED")
        #expect(deployment.rolloutStateReason == "ECS deployment ecs-svc/9223370000000000000 completed.")
        #expect((deployment.desiredCount, deployment.runningCount, deployment.pendingCount, deployment.failedTasks) == (2, 2, 0, 0))
        #expect(deployment.launchType == "FARGATE")
        #expect(deployment.platformVersion == "1.4.0")
        #expect(deployment.taskDefinition == service.taskDefinition)
        let balancer = try #require(service.loadBalancers?.first)
        #expect(balancer.targetGroupArn == "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lms-pr123/0123456789abcdef")
        #expect(balancer.containerName == "lms-app")
        #expect(balancer.containerPort == 8080)
        #expect(service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback == true)
        #expect(service.deploymentConfiguration?.maximumPercent == 200)
        #expect(service.deploymentConfiguration?.minimumHealthyPercent == 100)
        #expect(service.schedulingStrategy == "REPLICA")
        #expect(service.enableExecuteCommand == false)
        #expect(service.tags == ["Environment": "pr123"])
    }

    @Test("DescribeTaskDefinition: task settings, containers and the tags from beside the definition")
    func taskDefinition() async throws {
        let (ecs, aws) = try Self.ecs("describe-task-definition.json")
        let definition = try await ecs.taskDefinition("lms-pr123:3")
        #expect(try aws.jsonBody(0)["taskDefinition"] as? String == "lms-pr123:3")
        #expect(try aws.jsonBody(0)["include"] as? [String] == ["TAGS"])
        #expect(definition.taskDefinitionArn == "arn:aws:ecs:us-east-1:123456789012:task-definition/lms-pr123:3")
        #expect(definition.family == "lms-pr123")
        #expect(definition.revision == 3)
        #expect(definition.status == "ACTIVE")
        #expect(definition.networkMode == "awsvpc")
        #expect(definition.requiresCompatibilities == ["FARGATE"])
        #expect(definition.cpu == "512")
        #expect(definition.memory == "1024")
        #expect(definition.executionRoleArn == "arn:aws:iam::123456789012:role/lms-task-execution-pr123")
        #expect(definition.taskRoleArn == "arn:aws:iam::123456789012:role/lms-task-pr123")
        #expect(definition.tags == ["Environment": "pr123", "Name": "lms-pr123"])
        #expect(definition.containerDefinitions.map(\.name) == ["lms-app", "otel"])
        let app = definition.containerDefinitions[0]
        #expect(app.image == "123456789012.dkr.ecr.us-east-1.amazonaws.com/lms:1.4.2")
        #expect(app.essential == true)
        #expect(app.cpu == 0)
        #expect(app.memoryReservation == 512)
        #expect(app.memory == nil)
        #expect(app.portMappings?.first?.containerPort == 8080)
        #expect(app.portMappings?.first?.hostPort == 8080)
        #expect(app.portMappings?.first?.transportProtocol == "tcp")
        #expect(app.portMappings?.first?.appProtocol == "http")
        #expect(app.portMappings?.first?.name == "lms-app-8080-tcp")
        #expect(app.logConfiguration?.logDriver == "awslogs")
        #expect(app.logConfiguration?.options?["awslogs-group"] == "/ecs/lms-pr123")
        #expect(app.readonlyRootFilesystem == true)
        #expect(app.privileged == false)
        #expect(app.user == "1000:1000")
        #expect(app.environment?.first?.name == "PORT")
        #expect(app.secrets?.first?.valueFrom == "arn:aws:secretsmanager:us-east-1:123456789012:secret:lms/db-pr123-AbCdEf")
        let sidecar = definition.containerDefinitions[1]
        #expect(sidecar.essential == false)
        #expect(sidecar.logConfiguration == nil && sidecar.readonlyRootFilesystem == nil && sidecar.user == nil)
    }

    @Test("ListTasks of a service, then DescribeTasks: status, launch type, group and the ENI")
    func tasks() async throws {
        let (ecs, aws) = try Self.ecs("list-tasks.json", "describe-tasks.json")
        let arns = try await ecs.taskARNs(cluster: Self.cluster, serviceName: "lms-service-pr123")
        #expect(try aws.jsonBody(0)["serviceName"] as? String == "lms-service-pr123")
        let tasks = try await ecs.tasks(cluster: Self.cluster, arns: arns)
        #expect(try aws.jsonBody(1)["tasks"] as? [String] == arns)
        #expect(try aws.jsonBody(1)["include"] as? [String] == ["TAGS"])
        #expect(tasks.map(\.taskArn) == arns)
        let task = tasks[0]
        #expect(task.lastStatus == "RUNNING")
        #expect(task.desiredStatus == "RUNNING")
        #expect(task.launchType == "FARGATE")
        #expect(task.group == "service:lms-service-pr123")
        #expect(task.startedBy == "ecs-svc/9223370000000000000")
        #expect(task.taskDefinitionArn == "arn:aws:ecs:us-east-1:123456789012:task-definition/lms-pr123:3")
        #expect(task.clusterArn == "arn:aws:ecs:us-east-1:123456789012:cluster/lms-cluster-pr123")
        #expect(task.availabilityZone == "us-east-1a")
        #expect(task.platformVersion == "1.4.0")
        #expect(task.healthStatus == "UNKNOWN")
        #expect(task.tags == ["Environment": "pr123"])
        let eni = try #require(task.networkInterface)
        #expect(eni.status == "ATTACHED")
        #expect(eni.subnetId == "subnet-0aaa1111bbbb2222c")
        #expect(eni.networkInterfaceId == "eni-0123456789abcdef0")
        #expect(eni.privateIPv4Address == "10.60.11.23")
        #expect(tasks[1].lastStatus == "PROVISIONING")
        #expect(tasks[1].networkInterface?.subnetId == "subnet-0ddd3333eeee4444f")
        #expect(tasks[1].tags.isEmpty)
    }

    @Test("DescribeTasks sends at most 100 tasks per call; no tasks, no call")
    func tasksChunked() async throws {
        let ids = (0..<150).map { String(format: "%032x", $0) }
        let page = { (range: Range<Int>) in
            HTTPResponse(status: 200, body: Data(#"{"failures":[],"tasks":[\#(ids[range].map { #"{"taskArn":"arn:aws:ecs:us-east-1:123456789012:task/c/\#($0)"}"# }.joined(separator: ","))]}"#.utf8))
        }
        let (client, aws) = RecordedAWS.client([page(0..<100), page(100..<150)])
        let ecs = ECS(client: client)
        #expect(try await ecs.tasks(cluster: "c", arns: ids).count == 150)
        #expect(try aws.jsonBody(0)["tasks"] as? [String] == Array(ids[0..<100]))
        #expect(try aws.jsonBody(1)["tasks"] as? [String] == Array(ids[100...]))
        #expect(try await ecs.tasks(cluster: "c", arns: []).isEmpty)
        #expect(aws.requests.count == 2)
    }
}
