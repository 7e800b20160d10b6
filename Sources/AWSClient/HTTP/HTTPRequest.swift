import Foundation

/// Where a service is reached: scheme, host and port of an endpoint.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// `https` or `http`.
    public var scheme: String
    /// The host name or address.
    public var host: String
    /// The port, when not the scheme's default.
    public var port: Int?

    /// An endpoint.
    public init(scheme: String, host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The value of the `Host` header: the host, and the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `scheme://host[:port]`.
    public var description: String { "\(scheme)://\(hostHeader)" }
}

/// One HTTP request exactly as it goes on the wire: the path and query are already percent-encoded.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, upper case.
    public var method: String
    /// The server that receives it.
    public var endpoint: Endpoint
    /// The path as sent, percent-encoded, starting with `/`.
    public var path: String
    /// The query as sent, percent-encoded, without the leading `?`; empty when there is none.
    public var query: String
    /// The headers, including `Host`.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data

    /// A request; `Host` is added from the endpoint when `headers` has none.
    public init(method: String, endpoint: Endpoint, path: String, query: String = "", headers: HTTPHeaders = [:], body: Data = Data()) {
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        if !headers.contains("Host") {
            self.headers.add(name: "Host", value: endpoint.hostHeader)
        }
    }

    /// The full URL handed to the transport.
    public var url: String {
        "\(endpoint)\(path)\(query.isEmpty ? "" : "?" + query)"
    }
}

/// One HTTP response: status, headers and the whole body.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data

    /// A response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text, for messages and logs.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
