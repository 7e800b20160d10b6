/// How failed calls are retried, with the semantics of the AWS SDKs' retry modes (botocore's
/// `retries/standard.py` is the reference): which failures are retried, how many attempts, how long to wait.
public struct RetryPolicy: Sendable, Equatable {
    /// The retry mode, as `AWS_RETRY_MODE` names it.
    public enum Mode: String, Sendable, CaseIterable {
        /// Exponential backoff with full jitter, capped at 20 s, under a shared retry quota; 3 attempts by default.
        case standard
        /// The older SDK behaviour: the same backoff without a retry quota; 5 attempts by default.
        case legacy
        /// Accepted as the SDKs accept it; behaves as `standard` (no client-side rate limiting).
        case adaptive
    }

    /// The mode.
    public var mode: Mode
    /// Attempts in all, the first included; 1 means no retry.
    public var maxAttempts: Int
    /// The ceiling of one backoff delay.
    public var maxBackoff: Duration
    /// The unit of the exponential backoff: the first retry waits up to this long.
    public var baseDelay: Duration

    /// A policy; the defaults are those of the SDKs' standard mode.
    public init(mode: Mode = .standard, maxAttempts: Int? = nil, maxBackoff: Duration = .seconds(20), baseDelay: Duration = .seconds(1)) {
        self.mode = mode
        self.maxAttempts = maxAttempts ?? (mode == .legacy ? 5 : 3)
        self.maxBackoff = maxBackoff
        self.baseDelay = baseDelay
    }

    /// Whether retries draw on the client's shared retry quota.
    var usesRetryQuota: Bool { mode != .legacy }

    /// The delay before retry number `retry` (1 for the first retry): a uniformly random share
    /// (`jitter` in 0..<1) of `baseDelay · 2^(retry-1)`, capped at `maxBackoff`, in botocore's order.
    public func backoff(beforeRetry retry: Int, jitter: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        return min(baseDelay * (1 << exponent) * jitter, maxBackoff)
    }

    /// The policy named by `AWS_RETRY_MODE` / `AWS_MAX_ATTEMPTS` (or the profile's `retry_mode` / `max_attempts`).
    static func resolve(mode: (value: String, source: String)?, maxAttempts: (value: String, source: String)?) throws(AWSConfigurationError) -> RetryPolicy {
        var chosenMode = Mode.standard
        if let mode {
            guard let parsed = Mode(rawValue: mode.value.lowercased()) else {
                throw .invalidSetting(name: mode.source, value: mode.value, reason: "expected one of standard, legacy, adaptive")
            }
            chosenMode = parsed
        }
        var attempts: Int?
        if let maxAttempts {
            guard let parsed = Int(maxAttempts.value), (1...20).contains(parsed) else {
                throw .invalidSetting(name: maxAttempts.source, value: maxAttempts.value, reason: "expected a whole number of attempts from 1 to 20")
            }
            attempts = parsed
        }
        return RetryPolicy(mode: chosenMode, maxAttempts: attempts)
    }
}
