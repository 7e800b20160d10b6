import Synchronization

/// The client-wide budget of retries of the SDKs' standard mode: a retry spends capacity, a success
/// returns some, and when the budget is spent failures are raised at once instead of piling retries on an
/// endpoint that is already failing.
final class RetryQuota: Sendable {
    static let initialCapacity = 500
    static let retryCost = 5
    static let timeoutRetryCost = 10
    static let noRetryIncrement = 1

    private let available = Mutex(RetryQuota.initialCapacity)

    /// The capacity left.
    var capacity: Int { available.withLock { $0 } }

    /// Takes the cost of one retry; `nil` when the quota cannot pay for it.
    func acquire(isTimeout: Bool) -> Int? {
        let cost = isTimeout ? Self.timeoutRetryCost : Self.retryCost
        return available.withLock { capacity in
            guard capacity >= cost else { return nil }
            capacity -= cost
            return cost
        }
    }

    /// Returns capacity after a success: what its retries took, or a small increment when it needed none.
    func release(spent: Int) {
        available.withLock { capacity in
            capacity = min(Self.initialCapacity, capacity + (spent > 0 ? spent : Self.noRetryIncrement))
        }
    }
}
