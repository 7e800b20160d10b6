import Synchronization

/// The regions buckets were found in, shared by every copy of one `S3` value and its concurrent calls, so
/// that a bucket elsewhere costs one redirect, not one per call.
final class BucketRegions: Sendable {
    private let regions = Mutex<[String: String]>([:])

    /// The region `bucket` was found in, if it was looked up before.
    func region(of bucket: String) -> String? {
        regions.withLock { $0[bucket] }
    }

    /// Notes that `bucket` is in `region`.
    func remember(_ region: String, for bucket: String) {
        regions.withLock { $0[bucket] = region }
    }
}
