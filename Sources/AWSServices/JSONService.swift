import AWSClient
import Foundation

/// A service on the AWS JSON 1.1 protocol (KMS, CloudWatch Logs, ECS): one POST per call, the operation in
/// `X-Amz-Target`, JSON in and out. Timestamps arrive as seconds since 1970 and decode to `Date`.
struct JSONService: Sendable {
    let client: AWSClient
    let service: AWSService
    let targetPrefix: String
    /// Whether the service writes member names in PascalCase (KMS: `KeyId`). They are turned into the
    /// camelCase of every model here (`keyId`, `awsAccountId`), so that all models encode alike.
    var pascalCaseMembers = false

    /// Calls `operation` with `input` and decodes the answer as `Output`.
    func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, as output: Output.Type) async throws -> Output {
        try await answer(operation, input, as: Output.self).value
    }

    /// Calls `operation` with `input`: the decoded answer and its request id, for errors found in the answer.
    func answer<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, as output: Output.Type) async throws -> (value: Output, requestID: String?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if pascalCaseMembers {
            encoder.keyEncodingStrategy = .custom { path in MemberName(path.last.map { $0.stringValue.prefix(1).uppercased() + $0.stringValue.dropFirst() } ?? "") }
        }
        let request = OperationRequest.json(service: service, targetPrefix: targetPrefix, operation: operation, body: try encoder.encode(input))
        let response = try await client.send(request)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        if pascalCaseMembers {
            decoder.keyDecodingStrategy = .custom { path in MemberName(Self.camelCase(path.last?.stringValue ?? "")) }
        }
        do {
            return (try decoder.decode(Output.self, from: response.body), response.headers["x-amzn-RequestId"])
        } catch {
            throw client.malformed(request, response, reason: "not the expected JSON: \(error)")
        }
    }

    /// `KeyId` → `keyId`, `AWSAccountId` → `awsAccountId`: the leading capitals in lower case, but for the
    /// last one of several when it starts the next word.
    static func camelCase(_ name: String) -> String {
        let capitals = name.prefix { $0.isUppercase }
        let lowered = capitals.count > 1 && capitals.count < name.count ? capitals.dropLast() : capitals
        return lowered.lowercased() + name.dropFirst(lowered.count)
    }

    /// A member name produced by a key strategy.
    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Every item of a call paginated by a token (`nextToken`, or KMS's `Marker` with `Truncated`).
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
