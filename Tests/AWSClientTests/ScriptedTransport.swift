import Foundation
import Synchronization
@testable import AWSClient

/// A transport that answers from a script, one step per request, and records what it was sent.
/// For unit tests of retry and parsing only; live behaviour is proven against the emulator.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(TransportError.Kind)
    }

    private let state: Mutex<(steps: [Step], sent: [HTTPRequest])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let step = state.withLock { state -> Step in
            state.sent.append(request)
            return state.steps.isEmpty ? .respond(HTTPResponse(status: 200)) : state.steps.removeFirst()
        }
        switch step {
        case let .respond(response): return response
        case let .fail(kind): throw TransportError(kind: kind, url: request.url, message: "scripted \(kind)")
        }
    }

    static func xml(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> Step {
        .respond(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    static func json(_ status: Int, _ body: String) -> Step {
        .respond(HTTPResponse(status: status, headers: ["Content-Type": "application/x-amz-json-1.1"], body: Data(body.utf8)))
    }
}

/// A client on fixed test credentials whose backoff sleeps are recorded instead of waited.
struct TestClient {
    let client: AWSClient
    let transport: ScriptedTransport
    private let sleeps = SleepRecorder()

    init(_ steps: [ScriptedTransport.Step], retry: RetryPolicy = RetryPolicy(), jitter: Double = 1.0) {
        transport = ScriptedTransport(steps)
        let configuration = AWSConfiguration(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "FAKESECRETKEYEXAMPLE"),
            region: "us-east-1", retry: retry
        )
        let sleeps = self.sleeps
        client = AWSClient(configuration: configuration, transport: transport, sleep: { sleeps.record($0) }, jitter: { jitter })
    }

    var recordedSleeps: [Duration] { sleeps.durations }
}

/// Records the backoff delays a client asked for.
final class SleepRecorder: Sendable {
    private let recorded = Mutex<[Duration]>([])
    func record(_ duration: Duration) { recorded.withLock { $0.append(duration) } }
    var durations: [Duration] { recorded.withLock { $0 } }
}
