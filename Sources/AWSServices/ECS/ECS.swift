import AWSClient

/// Reads of Amazon ECS, over JSON 1.1.
///
/// DescribeClusters, DescribeServices and DescribeTasks answer a missing resource not with an error but in a
/// `failures` list. Here every failure becomes a thrown `AWSError` naming each resource and reason: kind
/// `.notFound` when every reason is `MISSING`, `.client` otherwise. So a returned list always holds every
/// resource asked for.
public struct ECS: Sendable {
    let service: JSONService

    /// ECS through `client`.
    public init(client: AWSClient) {
        service = JSONService(client: client, service: .ecs, targetPrefix: "AmazonEC2ContainerServiceV20141113")
    }

    /// A resource tag.
    public struct Tag: Sendable, Equatable, Codable {
        /// The key.
        public var key: String
        /// The value.
        public var value: String?
    }

    /// A name and a value, as ECS lists settings, statistics and attachment details.
    public struct KeyValuePair: Sendable, Equatable, Codable {
        /// The name.
        public var name: String
        /// The value.
        public var value: String?
    }

    /// A capacity provider and its share of tasks.
    public struct CapacityProviderStrategyItem: Sendable, Equatable, Codable {
        /// `FARGATE`, `FARGATE_SPOT` or an Auto Scaling group provider.
        public var capacityProvider: String
        /// The relative share of tasks.
        public var weight: Int?
        /// Tasks placed here before weights apply.
        public var base: Int?
    }

    /// A resource ECS could not describe, from an answer's `failures`.
    public struct Failure: Sendable, Equatable, Codable {
        /// The resource's ARN (or the name asked for).
        public var arn: String?
        /// Why, e.g. `MISSING`.
        public var reason: String?
        /// More detail, when ECS gives it.
        public var detail: String?
    }

    /// Tags as a dictionary.
    static func dictionary(_ tags: [Tag]?) -> [String: String] {
        Dictionary((tags ?? []).map { ($0.key, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
    }

    /// The value of the pair named `name`.
    static func value(_ name: String, in pairs: [KeyValuePair]?) -> String? {
        pairs?.first { $0.name == name }?.value
    }

    /// A Describe call's answer: the items found, their ARNs, and the failures.
    protocol DescribeAnswer: Decodable {
        associatedtype Item
        var items: [Item] { get }
        var itemARNs: [String] { get }
        var failures: [Failure]? { get }
    }

    /// Describes `names` in chunks of `chunkSize` (the API's limit), one call per chunk, and throws if any
    /// resource failed, after asking for all of them so that the error names every one. A name neither
    /// answered nor listed as a failure counts as missing too (moto leaves unknown tasks out silently).
    func describe<Input: Encodable, Answer: DescribeAnswer>(
        _ operation: String, _ names: [String], chunkSize: Int, as answer: Answer.Type, input: ([String]) -> Input
    ) async throws -> [Answer.Item] {
        var items: [Answer.Item] = []
        var failures: [Failure] = []
        var failedRequestID: String?
        for start in stride(from: 0, to: names.count, by: chunkSize) {
            let chunk = Array(names[start..<min(start + chunkSize, names.count)])
            let (answer, requestID) = try await service.answer(operation, input(chunk), as: Answer.self)
            items += answer.items
            let answered = Set((answer.itemARNs + (answer.failures ?? []).compactMap(\.arn)).map(Self.lastPathComponent))
            let leftOut = chunk.filter { !answered.contains(Self.lastPathComponent($0)) }
            let chunkFailures = (answer.failures ?? []) + leftOut.map { Failure(arn: $0, reason: "MISSING", detail: "left out of the answer") }
            if !chunkFailures.isEmpty {
                failures += chunkFailures
                failedRequestID = failedRequestID ?? requestID
            }
        }
        guard failures.isEmpty else {
            let missing = failures.allSatisfy { $0.reason == "MISSING" }
            let list = failures.map { failure in
                "\(failure.arn ?? "(no ARN)"): \(failure.reason ?? "no reason")" + (failure.detail.map { " (\($0))" } ?? "")
            }
            throw AWSError(
                kind: missing ? .notFound : .client, service: .ecs, operation: operation, code: failures[0].reason,
                message: (missing ? "not found: " : "failed for: ") + list.joined(separator: ", "), requestID: failedRequestID
            )
        }
        return items
    }

    /// `name` for `arn:aws:ecs:…:service/cluster/name`, and a plain name unchanged.
    static func lastPathComponent(_ nameOrARN: String) -> String {
        String(nameOrARN.split(separator: "/").last ?? Substring(nameOrARN))
    }

    /// Every item of a List call paginated by `nextToken`.
    func list<Input: Encodable & PageRequest>(_ operation: String, _ input: Input) async throws -> [String] {
        try await service.allPages(operation, input, as: ARNPage.self)
    }

    /// A page of ListClusters, ListServices or ListTasks: each names its ARN list differently.
    private struct ARNPage: Decodable, PageResponse {
        var clusterArns: [String]?
        var serviceArns: [String]?
        var taskArns: [String]?
        var nextToken: String?
        var items: [String] { clusterArns ?? serviceArns ?? taskArns ?? [] }
        var pageToken: String? { nextToken }
    }

    /// A List call's input: the cluster, optional filters, and the page token.
    struct ListInput: Encodable, PageRequest {
        var cluster: String?
        var serviceName: String?
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case cluster, serviceName, pageToken = "nextToken" }
    }

    /// The ARNs of every cluster in the account and region.
    public func clusterARNs() async throws -> [String] {
        try await list("ListClusters", ListInput())
    }
}
