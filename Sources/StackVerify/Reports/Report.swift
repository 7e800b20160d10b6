import Foundation

/// The outcome of one verification: every result, and what the run as a whole means.
public struct Report: Sendable, Codable {
    /// The stack name from the spec.
    public var stack: String?
    /// The spec file.
    public var spec: String
    /// The environment suffix in use.
    public var suffix: String?
    /// Every result, in spec order.
    public var results: [CheckResult]
    /// Distinct AWS reads made.
    public var reads: Int
    /// Wall-clock seconds.
    public var seconds: Double

    /// The outcome as a whole.
    public enum Outcome: String, Sendable, Codable {
        /// Every result passed.
        case passed
        /// At least one check failed.
        case failed
        /// AWS could not be read, so the stack could not be verified.
        case error
    }

    /// `error` when any read failed, else `failed` when any check failed, else `passed`.
    public var outcome: Outcome {
        if results.contains(where: { $0.status == .error }) { return .error }
        if results.contains(where: { $0.status == .failed }) { return .failed }
        return .passed
    }

    /// Counts by status.
    public var counts: (passed: Int, failed: Int, errors: Int) {
        (results.count { $0.status == .passed }, results.count { $0.status == .failed }, results.count { $0.status == .error })
    }
}

/// One verdict: a check (or property expectation) on one resource of a spec entry.
public struct CheckResult: Sendable, Codable, Equatable {
    /// The verdict.
    public enum Status: String, Sendable, Codable {
        /// The live state meets the rule.
        case passed
        /// The live state does not meet the rule.
        case failed
        /// AWS could not be read, so the rule could not be decided.
        case error
    }

    /// The spec entry's name.
    public var entry: String
    /// The resource type.
    public var type: String
    /// The resource, when the result is about one.
    public var resource: String?
    /// The check id: a catalogue id, `expect:<property>`, `exists` or `count`.
    public var check: String
    /// What the check proves.
    public var title: String
    /// The verdict.
    public var status: Status
    /// What was found; on failure it names the resource, the property, the expected and the actual value.
    public var message: String
}
