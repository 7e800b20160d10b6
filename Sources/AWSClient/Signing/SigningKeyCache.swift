import Synchronization

/// Keeps derived SigV4 signing keys per access key, day, region and service, so that the four-step
/// HMAC derivation runs once a day per scope instead of once per request.
public final class SigningKeyCache: Sendable {
    private struct Scope: Hashable {
        let accessKeyID: String
        let secretFingerprint: [UInt8]
        let day: String
        let region: String
        let service: String
    }

    private let keys = Mutex<[Scope: [UInt8]]>([:])

    /// An empty cache.
    public init() {}

    /// The signing key for this scope, derived on first use.
    func key(credentials: Credentials, day: String, region: String, service: String) -> [UInt8] {
        // The fingerprint makes a rotated secret under the same key id derive a new key.
        let scope = Scope(
            accessKeyID: credentials.accessKeyID,
            secretFingerprint: Digest.sha256(Array(credentials.secretAccessKey.utf8)),
            day: day, region: region, service: service
        )
        if let key = keys.withLock({ $0[scope] }) {
            return key
        }
        let key = Self.deriveKey(secret: credentials.secretAccessKey, day: day, region: region, service: service)
        keys.withLock { cached in
            // Old days are never needed again; dropping them keeps the cache small.
            cached = cached.filter { $0.key.day == day }
            cached[scope] = key
        }
        return key
    }

    /// The SigV4 key derivation: HMAC chain over day, region, service and `aws4_request`.
    static func deriveKey(secret: String, day: String, region: String, service: String) -> [UInt8] {
        let dateKey = Digest.hmacSHA256(key: Array("AWS4\(secret)".utf8), Array(day.utf8))
        let regionKey = Digest.hmacSHA256(key: dateKey, Array(region.utf8))
        let serviceKey = Digest.hmacSHA256(key: regionKey, Array(service.utf8))
        return Digest.hmacSHA256(key: serviceKey, Array("aws4_request".utf8))
    }
}
