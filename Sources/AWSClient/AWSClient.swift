import Foundation

/// A read-only AWS client: it addresses, signs (SigV4), sends and retries calls to the services
/// StackVerify reads, and turns every failure into an `AWSError`. Safe to share between tasks.
public struct AWSClient: Sendable {
    /// Credentials, region, endpoints and retry settings in use.
    public let configuration: AWSConfiguration
    private let transport: any HTTPTransport
    private let keyCache = SigningKeyCache()
    private let clockSkew = ClockSkew()
    private let retryQuota = RetryQuota()
    private let sleep: @Sendable (Duration) async throws -> Void
    private let jitter: @Sendable () -> Double
    private let debugLog: DebugLog?

    /// A client. `transport` defaults to libcurl; `sleep` and `jitter` are replaceable so that tests of the
    /// retry behaviour run without waiting and without chance.
    public init(
        configuration: AWSConfiguration,
        transport: (any HTTPTransport)? = nil,
        debug: Bool = false,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.transport = transport ?? CurlTransport(options: CurlTransport.Options(caBundle: configuration.caBundle))
        self.sleep = sleep
        self.jitter = jitter
        self.debugLog = debug ? DebugLog(credentials: configuration.credentials) : nil
    }

    /// The correction applied to this machine's clock when signing, learned from the server.
    public var clockSkewSeconds: TimeInterval { clockSkew.seconds }

    /// Sends `request` and returns the successful (2xx) response. Throttling, 5xx, resets and timeouts are
    /// retried by the retry policy; a skewed clock is corrected from the server's `Date` and the call signed
    /// again; anything else is thrown at once. `region` overrides the configured one (S3 buckets elsewhere).
    public func send(_ request: OperationRequest, region: String? = nil) async throws -> HTTPResponse {
        try ReadOnlyGuard.check(request)
        let region = region ?? configuration.region
        let policy = configuration.retry
        let httpRequest = address(request, region: region)
        let signer = SigV4Signer(region: region, service: request.service.signingName, rules: request.service == .s3 ? .s3 : .standard, keyCache: keyCache)
        var attempt = 1
        var spentQuota = 0
        while true {
            let correction = clockSkew.seconds
            let signed = signer.sign(httpRequest, credentials: configuration.credentials, date: Date().addingTimeInterval(correction)).signedRequest
            debugLog?.request(signed, attempt: attempt)
            let failure: AWSError
            var isTimeout = false
            var isCertificateFailure = false
            do {
                let started = Date()
                let response = try await transport.send(signed)
                debugLog?.response(response, for: signed, seconds: Date().timeIntervalSince(started))
                if (200..<300).contains(response.status) {
                    if policy.usesRetryQuota { retryQuota.release(spent: spentQuota) }
                    return response
                }
                let answer = ErrorAnswer.parse(response)
                failure = AWSError(
                    kind: AWSError.kind(status: response.status, code: answer.code), service: request.service, operation: request.operation,
                    status: response.status, code: answer.code, message: answer.message, requestID: answer.requestID, attempts: attempt,
                    bucketRegion: response.headers["x-amz-bucket-region"]
                )
                if attempt < policy.maxAttempts, clockSkew.correct(errorCode: answer.code, serverDate: response.headers["Date"], signedWith: correction) {
                    // The signature was refused for its time alone: sign again with the server's time.
                    attempt += 1
                    continue
                }
            } catch {
                debugLog?.failure(error)
                isTimeout = error.kind == .timedOut
                // A certificate that fails verification will fail again: that is not worth a retry.
                isCertificateFailure = error.kind == .tls
                failure = AWSError(kind: .network, service: request.service, operation: request.operation, message: error.description, attempts: attempt)
            }
            let retryable = failure.kind == .throttling || failure.kind == .transient || (failure.kind == .network && !isCertificateFailure)
            guard retryable, attempt < policy.maxAttempts else { throw failure }
            if policy.usesRetryQuota {
                guard let cost = retryQuota.acquire(isTimeout: isTimeout) else {
                    var exhausted = failure
                    exhausted.message += " (retry quota exhausted: too many failures on this client; not retried)"
                    throw exhausted
                }
                // As botocore: a success gives back what its last retry took.
                spentQuota = cost
            }
            try await sleep(policy.backoff(beforeRetry: attempt, jitter: jitter()))
            attempt += 1
        }
    }

    /// The HTTP request for `request` in `region`: the service endpoint, and for S3 the bucket in the host
    /// name (AWS endpoints, DNS-safe names) or in the path (custom endpoints, names with dots).
    func address(_ request: OperationRequest, region: String) -> HTTPRequest {
        var serviceEndpoint = configuration.endpoint(for: request.service)
        if region != configuration.region, !serviceEndpoint.isCustom {
            serviceEndpoint = .awsDefault(for: request.service, region: region)
        }
        var endpoint = serviceEndpoint.endpoint
        var path = request.path
        if let bucket = request.bucket {
            let virtualHosted = !serviceEndpoint.isCustom && bucket.range(of: "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", options: .regularExpression) != nil
            if virtualHosted {
                endpoint.host = "\(bucket).\(endpoint.host)"
            } else {
                path = "/\(PercentEncoding.encode(bucket))\(path == "/" ? "" : path)"
            }
        }
        return HTTPRequest(method: request.method, endpoint: endpoint, path: path, query: request.query, headers: request.headers, body: request.body)
    }

    /// Parses the XML body of a successful response, or throws a `malformedResponse` error naming the call.
    public func xml(_ response: HTTPResponse, of request: OperationRequest) throws -> XML.Element {
        do {
            return try XML.parse(response.body)
        } catch {
            throw malformed(request, response, reason: error.description)
        }
    }

    /// Decodes the JSON body of a successful response, or throws a `malformedResponse` error naming the call.
    public func json<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, of request: OperationRequest) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: response.body)
        } catch {
            throw malformed(request, response, reason: "not the expected JSON: \(error)")
        }
    }

    /// A `malformedResponse` error for a successful answer whose body could not be read.
    public func malformed(_ request: OperationRequest, _ response: HTTPResponse, reason: String) -> AWSError {
        AWSError(
            kind: .malformedResponse, service: request.service, operation: request.operation, status: response.status,
            message: "\(reason); body starts: \(String(decoding: response.body.prefix(120), as: UTF8.self))",
            requestID: response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        )
    }
}
