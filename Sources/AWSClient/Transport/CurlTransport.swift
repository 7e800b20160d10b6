import CCurl
import Foundation
import Synchronization

/// An `HTTPTransport` on libcurl. Each request runs `curl_easy_perform` on its own thread, so blocking I/O
/// never holds a Swift concurrency thread; finished easy handles are pooled, so their open connections
/// are reused by later requests (keep-alive). TLS peers and host names are always verified.
public final class CurlTransport: HTTPTransport {
    /// Time limits and trust settings.
    public struct Options: Sendable {
        /// Limit for establishing a connection.
        public var connectTimeout: Duration
        /// Limit for a whole request, connect to last byte.
        public var requestTimeout: Duration
        /// A PEM file of CA certificates to trust instead of the system's.
        public var caBundle: String?

        /// Options; defaults suit AWS APIs.
        public init(connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(60), caBundle: String? = nil) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.caBundle = caBundle
        }
    }

    private let options: Options
    private let idleHandles = Mutex<[EasyHandle]>([])
    /// At most this many requests are in flight at once: a large spec must not open hundreds of
    /// connections and threads at the same moment, which invites throttling.
    private let inFlight = ConcurrencyLimit(32)
    private static let maximumIdleHandles = 16
    private static let globalInitialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// A transport with `options`.
    public init(options: Options = Options()) {
        // curl_global_init is not thread-safe; a static let runs it exactly once.
        precondition(Self.globalInitialization == CURLE_OK, "curl_global_init failed: libcurl cannot start")
        self.options = options
    }

    /// Sends `request` on a pooled handle, on a thread of its own, once fewer than 32 are in flight.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        await inFlight.acquire()
        let handle = idleHandles.withLock { $0.popLast() } ?? EasyHandle()
        let options = self.options
        let result: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: handle.perform(request, options: options))
            }
        }
        idleHandles.withLock { handles in
            if handles.count < Self.maximumIdleHandles { handles.append(handle) }
        }
        await inFlight.release()
        return try result.get()
    }
}

/// A counting semaphore for tasks: `acquire` waits while the limit is reached.
actor ConcurrencyLimit {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) {
        available = limit
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// One libcurl easy handle. Used by one thread at a time: the transport hands it out from its pool.
private final class EasyHandle: @unchecked Sendable {
    private let curl: UnsafeMutableRawPointer

    init() {
        guard let curl = curl_easy_init() else {
            fatalError("curl_easy_init returned NULL: out of memory")
        }
        self.curl = curl
    }

    deinit {
        curl_easy_cleanup(curl)
    }

    /// Collects what libcurl delivers through its callbacks.
    private final class Received {
        var body = Data()
        var headerLines: [String] = []
    }

    func perform(_ request: HTTPRequest, options: CurlTransport.Options) -> Result<HTTPResponse, TransportError> {
        // Reset clears this request's options (pointers into buffers that die with this call) but keeps the
        // open connections for the next request.
        defer { curl_easy_reset(curl) }
        let received = Received()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            // `Name;` is curl's way to send a header with an empty value.
            headerList = curl_slist_append(headerList, field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // No `Expect: 100-continue` round trip; AWS APIs answer the whole request at once.
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }

        let code: CURLcode = request.body.withUnsafeBytes { body in
            errorBuffer.withUnsafeMutableBufferPointer { errorBytes in
                withExtendedLifetime(received) {
                    _ = sv_curl_set_string(curl, CURLOPT_URL, request.url)
                    _ = sv_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
                    _ = sv_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 0)
                    _ = sv_curl_set_long(curl, CURLOPT_SSL_VERIFYPEER, 1)
                    _ = sv_curl_set_long(curl, CURLOPT_SSL_VERIFYHOST, 2)
                    if let caBundle = options.caBundle {
                        _ = sv_curl_set_string(curl, CURLOPT_CAINFO, caBundle)
                    }
                    _ = sv_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
                    _ = sv_curl_set_long(curl, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.requestTimeout))
                    _ = sv_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorBytes.baseAddress)
                    switch request.method {
                    case "GET":
                        _ = sv_curl_set_long(curl, CURLOPT_HTTPGET, 1)
                    case "HEAD":
                        _ = sv_curl_set_long(curl, CURLOPT_NOBODY, 1)
                    default:
                        _ = sv_curl_set_long(curl, CURLOPT_POST, 1)
                        _ = sv_curl_set_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                        _ = sv_curl_set_pointer(curl, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafeRawPointer(errorBytes.baseAddress!)))
                        if request.method != "POST" {
                            _ = sv_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, request.method)
                        }
                    }
                    _ = sv_curl_set_header_list(curl, headerList)
                    let context = Unmanaged.passUnretained(received).toOpaque()
                    _ = sv_curl_set_pointer(curl, CURLOPT_WRITEDATA, context)
                    _ = sv_curl_set_callback(curl, CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
                        let received = Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue()
                        if let buffer { received.body.append(UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: size * count) }
                        return size * count
                    }
                    _ = sv_curl_set_pointer(curl, CURLOPT_HEADERDATA, context)
                    _ = sv_curl_set_callback(curl, CURLOPT_HEADERFUNCTION) { buffer, size, count, context in
                        let received = Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue()
                        if let buffer {
                            let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: size * count), as: UTF8.self)
                            // A new status line (after a 100 Continue, say) starts a new header block.
                            if line.hasPrefix("HTTP/") { received.headerLines.removeAll() }
                            received.headerLines.append(line)
                        }
                        return size * count
                    }
                    return curl_easy_perform(curl)
                }
            }
        }

        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .failure(TransportError(kind: Self.kind(of: code), url: request.url, message: "\(message) (curl error \(code.rawValue))"))
        }
        var status = 0
        _ = sv_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: Self.parseHeaders(received.headerLines), body: received.body))
    }

    private static func parseHeaders(_ lines: [String]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(
                name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
            )
        }
        return headers
    }

    private static func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .connectFailed
        case CURLE_OPERATION_TIMEDOUT:
            .timedOut
        // A handshake cut short is a broken connection, worth a retry; a certificate that fails is not.
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY, CURLE_SSL_CONNECT_ERROR:
            .connectionBroken
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            .tls
        default:
            .other
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
