import AWSClient
import Foundation

/// A `scripts/faultproxy.py` process between the client and the emulator, injecting the faults of its plan
/// (throttling, 5xx, resets, timeouts, garbage, a skewed clock) on real loopback connections.
final class FaultProxy {
    /// One request the proxy saw and what it did with it.
    struct LoggedRequest: Decodable, Sendable {
        var method: String
        var path: String
        var target: String?
        var action: String?
        var outcome: String
        var clientPort: Int
    }

    let endpoint: String
    /// Where the certificate of an HTTPS proxy is, `cert.pem` inside.
    let tlsDirectory: String?
    private let process: Process
    private let input: Pipe

    private init(endpoint: String, tlsDirectory: String?, process: Process, input: Pipe) {
        self.endpoint = endpoint
        self.tlsDirectory = tlsDirectory
        self.process = process
        self.input = input
    }

    deinit {
        stop()
    }

    /// Starts a proxy to `upstream` with `plan` (e.g. `["throttle", "pass"]`) and waits until it listens.
    static func start(upstream: String, plan: [String], clockOffset: Int? = nil, tlsDirectory: String? = nil) async throws -> FaultProxy {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", LiveEmulator.repositoryRoot.appendingPathComponent("scripts/faultproxy.py").path, "--upstream", upstream, "--plan", plan.joined(separator: ",")]
        if let clockOffset { arguments += ["--clock-offset", String(clockOffset)] }
        if let tlsDirectory { arguments += ["--tls-dir", tlsDirectory] }
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let firstLine = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes = Data()
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard let portText = firstLine.split(separator: "\n").first?.split(separator: "=").last, firstLine.hasPrefix("PORT="), let port = Int(portText) else {
            process.terminate()
            throw FaultProxyFailed(description: "faultproxy.py did not report its port; it printed: \(firstLine)")
        }
        return FaultProxy(endpoint: "\(tlsDirectory == nil ? "http" : "https")://127.0.0.1:\(port)", tlsDirectory: tlsDirectory, process: process, input: input)
    }

    /// Every request the proxy has received, in order.
    func log() async throws -> [LoggedRequest] {
        guard let url = URLComponents(string: endpoint) else {
            throw FaultProxyFailed(description: "the proxy's endpoint \(endpoint) is not a URL")
        }
        let request = HTTPRequest(method: "GET", endpoint: Endpoint(scheme: url.scheme ?? "http", host: url.host ?? "127.0.0.1", port: url.port), path: "/__faultproxy/log")
        let response = try await CurlTransport(options: .init(caBundle: tlsDirectory.map { "\($0)/cert.pem" })).send(request)
        return try JSONDecoder().decode([LoggedRequest].self, from: response.body)
    }

    /// Stops the proxy: closing its standard input ends it; terminate makes sure.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }
}

/// The fault proxy could not be started.
struct FaultProxyFailed: Error, CustomStringConvertible {
    var description: String
}
