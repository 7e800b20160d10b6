import AWSClient
import AWSServices
import ArgumentParser

/// `stack-verify probe`: one read call per service, to prove the endpoints answer and the policy allows reads.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Call one read-only API of each service (STS, EC2, S3, KMS, CloudWatch Logs, ECS) and report which answered."
    )

    @OptionGroup var options: ClientOptions

    private struct Outcome: Sendable {
        var service: AWSService
        var call: String
        var result: Result<String, AWSError>
    }

    func run() async throws {
        let client = try options.client()
        let calls: [(AWSService, String, @Sendable () async throws -> String)] = [
            (.sts, "GetCallerIdentity", { try await STS(client: client).callerIdentity().arn }),
            (.ec2, "DescribeVpcs", { "\(try await EC2(client: client).vpcs().count) VPCs" }),
            (.s3, "ListBuckets", { "\(try await S3(client: client).buckets().count) buckets" }),
            (.kms, "ListAliases", { "\(try await KMS(client: client).aliases().count) aliases" }),
            (.logs, "DescribeLogGroups", { "\(try await CloudWatchLogs(client: client).logGroups().count) log groups" }),
            (.ecs, "ListClusters", { "\(try await ECS(client: client).clusterARNs().count) clusters" }),
        ]
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for (service, call, body) in calls {
                group.addTask {
                    do {
                        return Outcome(service: service, call: call, result: .success(try await body()))
                    } catch let error as AWSError {
                        return Outcome(service: service, call: call, result: .failure(error))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }.sorted { $0.service.rawValue < $1.service.rawValue }

        print(Table.render(outcomes.map { outcome in
            switch outcome.result {
            case let .success(summary): [outcome.service.displayName, outcome.call, "ok", summary]
            case let .failure(error): [outcome.service.displayName, outcome.call, "FAILED", error.code ?? error.kind.rawValue]
            }
        }))
        let failures = outcomes.compactMap { outcome -> AWSError? in
            if case let .failure(error) = outcome.result { return error }
            return nil
        }
        guard failures.isEmpty else {
            failures.dropLast().forEach { printError("error: \($0)") }
            throw failures.last!
        }
    }
}
