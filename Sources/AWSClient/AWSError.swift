/// A call to AWS that failed: what was called, what AWS or the network said, and what kind of failure it is.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, which decides whether it is retried and what the user should do.
    public enum Kind: String, Sendable, Equatable {
        /// AWS asked the caller to slow down.
        case throttling
        /// A server-side or passing failure (HTTP 5xx, `RequestTimeout`, ...).
        case transient
        /// The credentials were refused or lack a permission.
        case auth
        /// The resource does not exist.
        case notFound
        /// The request was rejected as invalid.
        case client
        /// The response could not be understood.
        case malformedResponse
        /// The endpoint could not be reached, or the connection failed or timed out.
        case network
    }

    /// The kind of failure.
    public var kind: Kind
    /// The service called.
    public var service: AWSService
    /// The operation called, e.g. `DescribeVpcs`.
    public var operation: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// AWS's error code, e.g. `AccessDeniedException`.
    public var code: String?
    /// AWS's message, or the transport's.
    public var message: String
    /// The request id AWS gave the failed call, for support cases and CloudTrail.
    public var requestID: String?
    /// How many attempts were made before giving up.
    public var attempts: Int
    /// The region S3 says a bucket is in (`x-amz-bucket-region`), for following a bucket to its region.
    public var bucketRegion: String?

    /// An error.
    public init(kind: Kind, service: AWSService, operation: String, status: Int? = nil, code: String? = nil, message: String, requestID: String? = nil, attempts: Int = 1, bucketRegion: String? = nil) {
        self.kind = kind
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.attempts = attempts
        self.bucketRegion = bucketRegion
    }

    /// One line: the call, AWS's answer, the request id, the attempts, and what to do.
    public var description: String {
        var text = "\(service.displayName) \(operation) failed"
        if let code { text += ": \(code)" }
        if let status { text += " (HTTP \(status))" }
        if !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text + ". " + advice
    }

    private var advice: String {
        switch kind {
        case .throttling: "AWS kept throttling; retry later or raise AWS_MAX_ATTEMPTS."
        case .transient: "The service failed on its side; retry later."
        case .auth: "Check the credentials (`stack-verify whoami`) and that the identity has the policy in docs/iam-policy.json."
        case .notFound: "Check the id and the region."
        case .client: "The request was rejected as invalid."
        case .malformedResponse: "The endpoint did not answer like AWS; check AWS_ENDPOINT_URL."
        case .network: "Check the endpoint (AWS_ENDPOINT_URL*, `stack-verify whoami`) and the network."
        }
    }

    /// Error codes that mean "slow down", as the AWS SDKs list them.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    /// Error codes of passing failures, as the AWS SDKs list them.
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError", "InternalFailure", "ServiceUnavailable"]
    /// HTTP statuses of passing failures.
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    /// Error codes that mean the caller is not who it says or may not do this.
    static let authCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "InvalidSignatureException", "UnrecognizedClientException", "ExpiredToken",
        "ExpiredTokenException", "InvalidAccessKeyId", "InvalidToken", "RequestExpired", "RequestTimeTooSkewed",
        "MissingAuthenticationToken", "IncompleteSignature", "OptInRequired",
    ]

    /// The kind of an error answer with this status and code.
    static func kind(status: Int, code: String?) -> Kind {
        if let code {
            if throttlingCodes.contains(code) { return .throttling }
            if authCodes.contains(code) { return .auth }
            if transientCodes.contains(code) { return .transient }
            if code.hasPrefix("NoSuch") || code.hasSuffix("NotFound") || code.hasSuffix("NotFoundException") || code.hasSuffix(".NotFound") || code == "NotFound" { return .notFound }
        }
        switch status {
        case 429: return .throttling
        case 401, 403: return .auth
        case 404: return .notFound
        case _ where transientStatuses.contains(status): return .transient
        default: return .client
        }
    }
}

/// A mutating operation the read-only client refused to send.
public struct ReadOnlyViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service of the refused request.
    public var service: AWSService
    /// The operation or HTTP method refused.
    public var operation: String

    /// Why it was refused.
    public var description: String {
        "Refused \(service.displayName) \(operation) before sending it: StackVerify is read-only and sends only Describe*, Get*, List*, Head* and sts:GetCallerIdentity."
    }
}
