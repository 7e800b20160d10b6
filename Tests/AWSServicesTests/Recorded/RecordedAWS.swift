import AWSClient
import Foundation
import Synchronization

/// Plays back AWS answers recorded in real AWS shapes (`Fixtures/recorded/...`) for what the emulator does
/// not do: pagination split over pages, S3 redirects, AWS's own error bodies. Answers are given in order;
/// every request is kept so tests can check what was asked.
final class RecordedAWS: HTTPTransport {
    private let state: Mutex<(answers: [HTTPResponse], requests: [HTTPRequest])>

    /// Answers in the order they will be given.
    init(_ answers: [HTTPResponse]) {
        state = Mutex((answers, []))
    }

    /// The requests received so far.
    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// The form parameters of the `index`th request (EC2/STS query protocol).
    func formParameters(_ index: Int) -> [String: String] {
        let body = String(decoding: requests[index].body, as: UTF8.self)
        var parameters: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { PercentEncoding.decode($0) }
            parameters[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return parameters
    }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        try state.withLock { state throws(TransportError) in
            state.requests.append(request)
            guard !state.answers.isEmpty else {
                throw TransportError(kind: .other, url: request.url, message: "no recorded answer left for this request")
            }
            return state.answers.removeFirst()
        }
    }

    /// A client in `region` whose every call is answered from `answers`, retrying without waiting.
    static func client(_ answers: [HTTPResponse], region: String = "us-east-1") -> (AWSClient, RecordedAWS) {
        let transport = RecordedAWS(answers)
        let configuration = AWSConfiguration(credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "FAKESECRETEXAMPLE"), region: region)
        return (AWSClient(configuration: configuration, transport: transport, sleep: { _ in }), transport)
    }

    /// A recorded answer: `status`, `headers`, and the body of `Fixtures/recorded/<file>` (none when `nil`).
    static func answer(_ status: Int = 200, file: String? = nil, headers: HTTPHeaders = [:]) throws -> HTTPResponse {
        let body = try file.map { try Data(contentsOf: fixtures.appendingPathComponent($0)) } ?? Data()
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/recorded")
}
