import AWSClient
import Foundation

/// A spec verified from a test suite: one test case per spec entry and check, found without calling AWS
/// so test runners can list them, and run against one shared, read-once view of the live account.
///
/// With no outputs file, a developer's run skips (the reason names the file); with `CI=true` it fails,
/// because a gate that passes without a deployed stack proves nothing.
public final class LiveStack: Sendable {
    /// One test case: a check (or the entry's existence and properties) on one spec entry.
    public struct Case: Sendable, CustomStringConvertible, Hashable {
        /// The spec entry.
        public var entry: String
        /// The check id, or `resources` for existence, count and property expectations.
        public var check: String
        /// Which use of the check in the entry, from 1, when the entry uses it more than once.
        public var occurrence: Int

        /// A case: the `occurrence`th use of `check` on the spec entry named `entry`.
        public init(entry: String, check: String, occurrence: Int = 1) {
            self.entry = entry
            self.check = check
            self.occurrence = occurrence
        }

        /// `entry: check`, with `#2` and so on for a check used again.
        public var description: String { "\(entry): \(check)\(occurrence > 1 ? " #\(occurrence)" : "")" }
    }

    /// What stands in the way of running, when something does.
    public enum Readiness: Sendable {
        /// The plan is bound; cases can run.
        case ready(Plan)
        /// No outputs file: skipped on a developer's machine, failed under CI.
        case notDeployed(String)
        /// The spec or outputs are wrong, or AWS settings cannot be resolved: always a failure.
        case broken(String)
    }

    /// Whether the suite can run.
    public let readiness: Readiness
    /// Whether this is CI (`CI=true`), where a missing deploy fails instead of skipping.
    public let isCI: Bool
    private let verifier: Verifier?

    /// Prepares `inputs`, reading credentials, region and endpoints from `environment`.
    public init(_ inputs: VerificationInputs, environment: [String: String] = ProcessInfo.processInfo.environment) {
        isCI = environment["CI"]?.lowercased() == "true"
        guard inputs.isRunnable else {
            readiness = .notDeployed(OutputsError.fileMissing(path: inputs.outputsPath).description)
            verifier = nil
            return
        }
        do {
            let plan = try inputs.plan()
            verifier = Verifier(client: AWSClient(configuration: try AWSConfiguration.resolve(environment: environment)))
            readiness = .ready(plan)
        } catch {
            readiness = .broken("\(error)")
            verifier = nil
        }
    }

    /// Whether test cases should run (or be skipped): they run when ready, when broken (to fail), and under CI.
    public var shouldRun: Bool {
        if case .notDeployed = readiness { return isCI }
        return true
    }

    /// Why the cases are skipped, for the test runner to show.
    public var skipReason: String {
        if case let .notDeployed(reason) = readiness { return "not deployed: \(reason)" }
        return ""
    }

    /// The test cases: per entry, its resources and then each check. One placeholder case when not ready,
    /// which fails when run.
    public var cases: [Case] {
        guard case let .ready(plan) = readiness else { return [Case(entry: "stack", check: "deployed")] }
        return plan.entries.flatMap { entry in
            var seen: [String: Int] = [:]
            return [Case(entry: entry.name, check: "resources")] + entry.checks.map { planned in
                seen[planned.check.id, default: 0] += 1
                return Case(entry: entry.name, check: planned.check.id, occurrence: seen[planned.check.id]!)
            }
        }
    }

    /// Runs one case; the results that did not pass are returned (empty means the case passed). When the
    /// suite is not ready, the reason is the one failure.
    public func run(_ testCase: Case) async -> [CheckResult] {
        guard case let .ready(plan) = readiness, let verifier else {
            let reason: String
            switch readiness {
            case let .notDeployed(text), let .broken(text): reason = text
            case .ready: reason = "no verifier"
            }
            return [CheckResult(entry: testCase.entry, type: "", resource: nil, check: testCase.check, title: "the stack is deployed", status: .error, message: reason)]
        }
        guard let entry = plan.entries.first(where: { $0.name == testCase.entry }) else { return [] }
        var narrowed = entry
        if testCase.check == "resources" {
            narrowed.checks = []
        } else {
            let uses = entry.checks.filter { $0.check.id == testCase.check }
            narrowed.checks = uses.indices.contains(testCase.occurrence - 1) ? [uses[testCase.occurrence - 1]] : []
            narrowed.expectations = []
        }
        let report = await verifier.verify(Plan(specPath: plan.specPath, stack: plan.stack, suffix: plan.suffix, entries: [narrowed]))
        return report.results.filter { result in
            guard result.status != .passed else { return false }
            // A check case reports its own verdicts; existence failures belong to the `resources` case.
            return testCase.check == "resources" || result.check == testCase.check
        }
    }
}
