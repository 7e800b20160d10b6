import AWSClient

/// Reads of Amazon ECS, over JSON 1.1.
public struct ECS: Sendable {
    private let service: JSONService

    /// ECS through `client`.
    public init(client: AWSClient) {
        service = JSONService(client: client, service: .ecs, targetPrefix: "AmazonEC2ContainerServiceV20141113")
    }

    private struct ListClustersInput: Encodable, PageRequest {
        var pageToken: String?
        enum CodingKeys: String, CodingKey { case pageToken = "nextToken" }
    }

    private struct ListClustersOutput: Decodable, PageResponse {
        var clusterArns: [String]?
        var nextToken: String?
        var items: [String] { clusterArns ?? [] }
        var pageToken: String? { nextToken }
    }

    /// The ARNs of every cluster in the account and region.
    public func clusterARNs() async throws -> [String] {
        try await service.allPages("ListClusters", ListClustersInput(), as: ListClustersOutput.self)
    }
}
