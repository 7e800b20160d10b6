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

    /// Learns the server's time from a response rejected for a request signed with the correction
    /// `signedWith`; `true` when that signing time was off by more than AWS allows, so the request is worth
    /// signing again. Compared with the correction each request used, not the shared one, so that every one
    /// of several concurrent requests signed before the correction is retried, not only the first.
    func correct(errorCode: String?, serverDate: String?, signedWith used: TimeInterval) -> Bool {
        guard let errorCode, Self.skewErrorCodes.contains(errorCode), let serverDate, let server = Self.parseHTTPDate(serverDate) else {
            return false
        }
        let skew = server.timeIntervalSinceNow
        guard abs(skew - used) > Self.tolerance else { return false }
        offset.withLock { current in
            if abs(skew - current) > Self.tolerance { current = skew }
        }
        return true
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
