import AWSClient
import Foundation

/// Runs a plan against the live account: finds each entry's resources, reads each once, and runs every
/// property expectation and catalogue check on them, entries concurrently.
public struct Verifier: Sendable {
    /// What happened, for progress lines while a run goes.
    public enum Progress: Sendable {
        /// An entry's resources were found and its checks are running.
        case started(entry: String, resources: Int)
        /// One result is in.
        case result(CheckResult)
    }

    /// The live state reads go through.
    public let state: LiveState

    /// A verifier reading through `client`.
    public init(client: AWSClient) {
        state = LiveState(client: client)
    }

    /// Verifies `plan`, reporting progress to `progress` as results come in.
    public func verify(_ plan: Plan, progress: @escaping @Sendable (Progress) -> Void = { _ in }) async -> Report {
        let started = Date()
        let results = await withTaskGroup(of: (Int, [CheckResult]).self) { group in
            for (index, entry) in plan.entries.enumerated() {
                group.addTask { (index, await verify(entry, suffix: plan.suffix, progress: progress)) }
            }
            return await group.reduce(into: [(Int, [CheckResult])]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        return Report(stack: plan.stack, spec: plan.specPath, suffix: plan.suffix, results: results, reads: state.readCount, seconds: Date().timeIntervalSince(started))
    }

    private func verify(_ entry: PlannedEntry, suffix: String?, progress: @escaping @Sendable (Progress) -> Void) async -> [CheckResult] {
        var results: [CheckResult] = []
        func record(_ check: String, _ title: String, _ resource: String?, _ status: CheckResult.Status, _ message: String) {
            let result = CheckResult(entry: entry.name, type: entry.kind.rawValue, resource: resource, check: check, title: title, status: status, message: message)
            results.append(result)
            progress(.result(result))
        }

        // Find the resources.
        let ids: [String]
        var snapshots: [ResourceSnapshot] = []
        do {
            switch entry.selector {
            case let .ids(given):
                ids = given
            case let .tags(tags):
                ids = try await entry.kind.ids(matching: tags, state: state)
            }
            progress(.started(entry: entry.name, resources: ids.count))
            for id in ids {
                if let snapshot = try await entry.kind.snapshot(id: id, state: state) {
                    snapshots.append(snapshot)
                    record("exists", "the resource exists", id, .passed, "\(entry.kind) \(id) exists")
                } else {
                    record("exists", "the resource exists", id, .failed, "\(entry.kind) \(id) does not exist in \(state.client.configuration.region)")
                }
            }
        } catch {
            record("exists", "the resource exists", nil, .error, "could not read \(entry.kind) resources of `\(entry.name)`: \(error)")
            return results
        }
        if let count = entry.count {
            let status: CheckResult.Status = snapshots.count == count ? .passed : .failed
            let selector: String
            switch entry.selector {
            case let .ids(given): selector = given.isEmpty ? "no ids" : given.joined(separator: ", ")
            case let .tags(tags): selector = "tags " + tags.keys.sorted().map { "\($0)=\(tags[$0]!)" }.joined(separator: ", ")
            }
            record("count", "the expected number of resources exists", nil, status, "`\(entry.name)`: expected \(count) \(entry.kind) resources, found \(snapshots.count) (\(selector))")
        } else if ids.isEmpty {
            record("count", "the expected number of resources exists", nil, .failed, "`\(entry.name)`: no \(entry.kind) resources found")
        }

        // Property expectations, per resource.
        for expectation in entry.expectations {
            for snapshot in snapshots {
                let finding = ExpectationEvaluator.evaluate(expectation, on: snapshot)
                record("expect:\(expectation.pathText)", "property \(expectation.pathText)", snapshot.id, finding.passed ? .passed : .failed, finding.message)
            }
        }

        // Catalogue checks, on the resources that exist.
        let found = snapshots.map(\.id)
        for planned in entry.checks where !found.isEmpty {
            let context = CheckContext(kind: entry.kind, resourceIDs: found, suffix: suffix, state: state, arguments: planned.arguments)
            do {
                for finding in try await planned.check.evaluate(context) {
                    record(planned.check.id, planned.check.title, finding.resourceID, finding.passed ? .passed : .failed, finding.message)
                }
            } catch {
                record(planned.check.id, planned.check.title, nil, .error, "could not run `\(planned.check.id)` on `\(entry.name)`: \(error)")
            }
        }
        return results
    }
}
