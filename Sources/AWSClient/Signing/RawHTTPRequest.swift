import Foundation

/// What is wrong with a raw HTTP request given to be signed.
public struct RawHTTPRequestError: Error, Equatable, CustomStringConvertible {
    /// The 1-based line at fault, when there is one.
    public var line: Int?
    /// What is wrong and how to fix it.
    public var reason: String

    /// The reason, prefixed with the line number.
    public var description: String {
        if let line { return "line \(line): \(reason)" }
        return reason
    }
}

/// Parses a raw HTTP/1.1 request (request line, header lines, a blank line, the body), as the SigV4 test
/// suite writes them: LF or CRLF line ends, `Name:value` headers, continuation lines folded into the value
/// before them, and a request target that may hold spaces.
public enum RawHTTPRequest {
    /// The request in `text`; its endpoint is `https://` plus its `Host` header.
    public static func parse(_ data: Data) throws(RawHTTPRequestError) -> HTTPRequest {
        let bytes = [UInt8](data)
        let (head, body) = split(bytes)
        let lines = String(decoding: head, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let requestLine = lines.first, !requestLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RawHTTPRequestError(line: 1, reason: "the request is empty; expected a request line such as `GET / HTTP/1.1`")
        }
        let (method, path, query) = try parseRequestLine(requestLine)
        var headers = HTTPHeaders()
        for (offset, line) in lines.dropFirst().enumerated() {
            let lineNumber = offset + 2
            if let first = line.first, first == " " || first == "\t" {
                guard let last = headers.fields.last else {
                    throw RawHTTPRequestError(line: lineNumber, reason: "a continuation line (it starts with white space) comes before any header")
                }
                var fields = headers.fields
                fields[fields.count - 1].value = last.value.trimmingCharacters(in: .whitespaces) + " " + line.trimmingCharacters(in: .whitespaces)
                headers = HTTPHeaders(fields)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw RawHTTPRequestError(line: lineNumber, reason: "`\(line)` is not a header; expected `Name:value`")
            }
            headers.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]))
        }
        guard let host = headers["Host"]?.trimmingCharacters(in: .whitespaces), !host.isEmpty else {
            throw RawHTTPRequestError(line: nil, reason: "the request has no Host header; SigV4 signs it, so add `Host:<name>`")
        }
        return HTTPRequest(method: method, endpoint: Endpoint(scheme: "https", host: host), path: path, query: query, headers: headers, body: Data(body))
    }

    /// The request line's method, path and query. The version is the last word when it starts with `HTTP/`.
    private static func parseRequestLine(_ line: Substring) throws(RawHTTPRequestError) -> (String, String, String) {
        var words = line.split(separator: " ", omittingEmptySubsequences: false)
        if let last = words.last, last.hasPrefix("HTTP/"), words.count >= 3 {
            words.removeLast()
        }
        guard words.count >= 2, !words[0].isEmpty else {
            throw RawHTTPRequestError(line: 1, reason: "`\(line)` is not a request line; expected `METHOD /path[?query] HTTP/1.1`")
        }
        let target = words.dropFirst().joined(separator: " ")
        guard target.hasPrefix("/") else {
            throw RawHTTPRequestError(line: 1, reason: "the request target `\(target)` must start with `/`")
        }
        guard let mark = target.firstIndex(of: "?") else { return (String(words[0]), target, "") }
        return (String(words[0]), String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// Splits at the first empty line: the head, and the body after it.
    private static func split(_ bytes: [UInt8]) -> (head: [UInt8], body: [UInt8]) {
        let newline = UInt8(ascii: "\n")
        var index = 0
        while index < bytes.count {
            guard bytes[index] == newline else { index += 1; continue }
            var next = index + 1
            if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
            if next < bytes.count, bytes[next] == newline {
                return (Array(bytes[..<index]), Array(bytes[(next + 1)...]))
            }
            if next == bytes.count {
                return (Array(bytes[..<index]), [])
            }
            index += 1
        }
        return (bytes, [])
    }
}
