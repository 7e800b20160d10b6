import Foundation

/// Writes every request and response to standard error for `--debug` / `STACKVERIFY_DEBUG=1`, with the
/// signature, the secret key and the session token redacted wherever they would appear.
struct DebugLog: Sendable {
    let secrets: [String]
    static let bodyLimit = 2048

    init(credentials: Credentials) {
        secrets = [credentials.secretAccessKey, credentials.sessionToken].compactMap { $0 }.filter { !$0.isEmpty }
    }

    func request(_ request: HTTPRequest, attempt: Int) {
        var lines = ["→ \(request.method) \(request.url) (attempt \(attempt))"]
        lines += request.headers.map { "  \($0.name): \(redactHeader(name: $0.name, value: $0.value))" }
        if !request.body.isEmpty { lines.append("  body: \(excerpt(request.body))") }
        write(lines)
    }

    func response(_ response: HTTPResponse, for request: HTTPRequest, seconds: Double) {
        var lines = ["← \(response.status) for \(request.method) \(request.url) in \(String(format: "%.3f", seconds)) s"]
        lines += response.headers.map { "  \($0.name): \($0.value)" }
        if !response.body.isEmpty { lines.append("  body: \(excerpt(response.body))") }
        write(lines)
    }

    func failure(_ error: TransportError) {
        write(["← no response: \(error)"])
    }

    private func redactHeader(name: String, value: String) -> String {
        switch name.lowercased() {
        case "authorization":
            guard let range = value.range(of: "Signature=") else { return "<redacted>" }
            return value[..<range.upperBound] + "<redacted>"
        case "x-amz-security-token":
            return "<redacted>"
        default:
            return value
        }
    }

    private func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(Self.bodyLimit), as: UTF8.self)
        return body.count > Self.bodyLimit ? text + "… (\(body.count) bytes)" : text
    }

    private func write(_ lines: [String]) {
        var text = lines.joined(separator: "\n") + "\n"
        for secret in secrets {
            text = text.replacingOccurrences(of: secret, with: "<redacted>")
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
