import Foundation
import Synchronization

/// The difference between the server's clock and this machine's, learned from rejected requests, so that
/// a machine whose clock is off still signs requests AWS accepts.
final class ClockSkew: Sendable {
    /// Error codes AWS answers with when the signing time is too far from its own.
    static let skewErrorCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "RequestInTheFuture", "AuthFailure",
    ]
    /// How far apart the clocks must be before a correction is made: AWS allows 5 minutes.
    static let tolerance: TimeInterval = 4 * 60

    private let offset = Mutex<TimeInterval>(0)

    /// The current correction, server minus local, in seconds.
    var seconds: TimeInterval { offset.withLock { $0 } }

    /// The time to sign with: this machine's clock plus the learned correction.
    func now() -> Date { Date().addingTimeInterval(seconds) }

    /// Learns the server's time from a rejected response; `true` when the clocks disagreed and the
    /// correction changed, so that the request is worth signing again.
    func correct(errorCode: String?, serverDate: String?) -> Bool {
        guard let errorCode, Self.skewErrorCodes.contains(errorCode), let serverDate, let server = Self.parseHTTPDate(serverDate) else {
            return false
        }
        let skew = server.timeIntervalSinceNow
        return offset.withLock { current in
            guard abs(skew - current) > Self.tolerance else { return false }
            current = skew
            return true
        }
    }

    /// Parses an HTTP `Date` header (RFC 7231, e.g. `Wed, 25 Nov 2026 14:09:11 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
