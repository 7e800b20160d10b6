import AWSServices
import Foundation

/// Checks of ECS clusters and services.
enum ContainerChecks {
    static let all: [Check] = [clusterActive, containerInsightsEnabled, serviceRunningDesired, serviceOnFargate, servicePrivateNetworking]

    static let clusterActive = Check(
        id: "ecs-cluster-active", title: "the ECS cluster is ACTIVE", kind: .ecsCluster,
        reads: ["ecs:DescribeClusters"], origin: "seed 001 (LMS cluster)"
    ) { context in
        try await context.eachResource { id in
            let status = try await context.state.cluster(id).map { $0.status ?? "unknown" } ?? "no such cluster"
            return .expect(status == "ACTIVE", id, property: "status", expected: "ACTIVE", actual: status)
        }
    }

    static let containerInsightsEnabled = Check(
        id: "ecs-container-insights-enabled", title: "Container Insights is on for the cluster", kind: .ecsCluster,
        reads: ["ecs:DescribeClusters"], origin: "seed 001 (containerInsights setting)"
    ) { context in
        try await context.eachResource { id in
            guard let cluster = try await context.state.cluster(id) else { return .fail(id, "ECS cluster \(id) does not exist") }
            let value = cluster.containerInsights ?? "not set"
            return .expect(["enabled", "enhanced"].contains(value), id, property: "setting containerInsights", expected: "enabled", actual: value)
        }
    }

    static let serviceRunningDesired = Check(
        id: "ecs-service-running-desired", title: "the service runs as many tasks as it wants, waiting a bounded time for a deploy to settle", kind: .ecsService,
        arguments: [
            .init("settle-seconds", "how long to keep polling for running = desired before failing", type: .integer, default: .text("120"), isMain: true),
            .init("poll-seconds", "the pause between polls", type: .integer, default: .text("5")),
        ],
        reads: ["ecs:DescribeServices"], origin: "seed 001 (ECS service running and healthy)"
    ) { context in
        try await context.eachResource { id in
            let deadline = Date().addingTimeInterval(TimeInterval(context.integer("settle-seconds")))
            var service = try await context.state.service(id)
            while let current = service, !isSettled(current), Date() < deadline {
                try await Task.sleep(for: .seconds(max(1, context.integer("poll-seconds"))))
                service = try await context.state.freshService(id)
            }
            guard let service else { return .fail(id, "ECS service \(id) does not exist") }
            let deployments = (service.deployments ?? []).map { "\($0.status ?? "?") \($0.rolloutState ?? "")".trimmingCharacters(in: .whitespaces) }
            let actual = "running \(service.runningCount), desired \(service.desiredCount), pending \(service.pendingCount); deployments: \(deployments.isEmpty ? "none" : deployments.joined(separator: ", "))"
            let settled = isSettled(service)
            return .expect(settled, id, property: "task counts", expected: "running = desired > 0, no failed or older deployment, within \(context.text("settle-seconds")) s", actual: actual)
        }
    }

    /// Running = desired > 0, with no failed rollout and no older deployment still running: while a new
    /// task definition crash-loops, the old tasks keep the counts equal, so counts alone would pass.
    static func isSettled(_ service: ECS.Service) -> Bool {
        let deployments = service.deployments ?? []
        let failed = deployments.contains { $0.rolloutState == "FAILED" }
        let older = deployments.contains { $0.status == "ACTIVE" }
        return service.runningCount == service.desiredCount && service.desiredCount > 0 && !failed && !older
    }

    static let serviceOnFargate = Check(
        id: "ecs-service-on-fargate", title: "the service runs on Fargate with awsvpc networking", kind: .ecsService,
        reads: ["ecs:DescribeServices", "ecs:DescribeTaskDefinition"], origin: "seed 001 (Fargate tasks)"
    ) { context in
        try await context.eachResource { id in
            guard let service = try await context.state.service(id) else { return .fail(id, "ECS service \(id) does not exist") }
            let providers = service.capacityProviderStrategy?.map(\.capacityProvider) ?? []
            let onFargate = service.launchType == "FARGATE" || (!providers.isEmpty && providers.allSatisfy { $0.hasPrefix("FARGATE") })
            guard onFargate else { return .expect(false, id, property: "launchType", expected: "FARGATE", actual: service.launchType ?? providers.joined(separator: ", ")) }
            guard let definitionID = service.taskDefinition, let definition = try await context.state.taskDefinition(definitionID) else {
                return .fail(id, "ECS service \(id) names no readable task definition")
            }
            return .expect(definition.networkMode == "awsvpc", id, property: "task definition \(definition.family):\(definition.revision) networkMode", expected: "awsvpc", actual: definition.networkMode ?? "default")
        }
    }

    static let servicePrivateNetworking = Check(
        id: "ecs-service-private-networking", title: "the service's tasks sit in the private subnets without public IPs", kind: .ecsService,
        arguments: [.init("subnets", "the private subnet ids tasks must be placed in", type: .strings, isMain: true)],
        reads: ["ecs:DescribeServices"], origin: "seed 001 (tasks in private subnets behind the NAT)"
    ) { context in
        try await context.eachResource { id in
            guard let service = try await context.state.service(id) else { return .fail(id, "ECS service \(id) does not exist") }
            guard let network = service.networkConfiguration?.awsvpcConfiguration else {
                return .fail(id, "ECS service \(id) has no awsvpc network configuration: expected tasks in \(context.list("subnets").joined(separator: ", "))")
            }
            let outside = network.subnets.filter { !context.list("subnets").contains($0) }
            guard outside.isEmpty else {
                return .expect(false, id, property: "subnets", expected: "within \(context.list("subnets").joined(separator: ", "))", actual: network.subnets.joined(separator: ", "))
            }
            let assign = network.assignPublicIp ?? "DISABLED"
            return .expect(assign == "DISABLED", id, property: "assignPublicIp", expected: "DISABLED", actual: assign)
        }
    }
}
