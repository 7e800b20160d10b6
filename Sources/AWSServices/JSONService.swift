import AWSClient
import Foundation

/// A service on the AWS JSON 1.1 protocol (KMS, CloudWatch Logs, ECS): one POST per call, the operation in
/// `X-Amz-Target`, JSON in and out.
struct JSONService: Sendable {
    let client: AWSClient
    let service: AWSService
    let targetPrefix: String

    /// Calls `operation` with `input` and decodes the answer as `Output`.
    func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, as output: Output.Type) async throws -> Output {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let request = OperationRequest.json(service: service, targetPrefix: targetPrefix, operation: operation, body: try encoder.encode(input))
        let response = try await client.send(request)
        return try client.json(Output.self, from: response, of: request)
    }

    /// Every item of a call paginated by `NextToken`/`nextToken`.
    func allPages<Input: Encodable & PageRequest, Output: Decodable & PageResponse>(_ operation: String, _ input: Input, as output: Output.Type) async throws -> [Output.Item] {
        try await client.allPages(of: operation, service: service) { token in
            var page = input
            page.pageToken = token
            let answer = try await call(operation, page, as: Output.self)
            return (answer.items, answer.pageToken)
        }
    }
}

/// A request that carries a page token.
protocol PageRequest: Sendable {
    var pageToken: String? { get set }
}

/// A response that carries items and the next page's token.
protocol PageResponse {
    associatedtype Item
    var items: [Item] { get }
    var pageToken: String? { get }
}
