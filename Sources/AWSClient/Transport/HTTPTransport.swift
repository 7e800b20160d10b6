/// Sends one HTTP request and returns the whole response. The client's only way out to the network, so
/// tests of retry and parsing can put a recorded or scripted transport in its place.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; a response of any status is returned, a failure to get one is thrown.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// A request that got no complete HTTP response.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong on the wire.
    public enum Kind: String, Sendable, Equatable {
        /// No connection could be made (refused, unresolvable host, unreachable).
        case connectFailed
        /// The connect or the whole request ran past its time limit.
        case timedOut
        /// The connection broke: reset, closed early, or a response cut short.
        case connectionBroken
        /// TLS failed: handshake, certificate or host name verification.
        case tls
        /// Any other failure.
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// The URL requested.
    public var url: String
    /// What the HTTP library said.
    public var message: String

    /// A transport failure.
    public init(kind: Kind, url: String, message: String) {
        self.kind = kind
        self.url = url
        self.message = message
    }

    /// The URL and the library's message.
    public var description: String { "\(kind.rawValue) for \(url): \(message)" }
}
