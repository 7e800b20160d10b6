import Foundation
import Testing

/// The outputs file of a fixture stack deployed into the emulator, found through an environment variable
/// (scripts/test deploys each stack with suffix `live` and exports it). Read in any of the shapes a deploy
/// writes: cdktf flat, cdktf nested under `TapStack<suffix>`, or CloudFormation (CamelCase, lists joined).
/// Without the variable, the live suites of that stack are skipped on a developer's machine and fail in CI.
struct FixtureOutputs: Sendable {
    /// The variable naming the file, e.g. `STACKVERIFY_STORAGE_OUTPUTS`.
    let variable: String
    /// The stack, for messages.
    let stack: String

    static let banking = FixtureOutputs(variable: "STACKVERIFY_BANKING_OUTPUTS", stack: "banking")
    static let storage = FixtureOutputs(variable: "STACKVERIFY_STORAGE_OUTPUTS", stack: "storage")
    static let encryption = FixtureOutputs(variable: "STACKVERIFY_ENCRYPTION_OUTPUTS", stack: "encryption")
    static let lms = FixtureOutputs(variable: "STACKVERIFY_LMS_OUTPUTS", stack: "lms")

    /// Whether the suite runs: the file is named, or this is CI, where its absence must fail.
    var isAvailable: Bool { LiveEmulator.environment[variable] != nil || LiveEmulator.isCI }

    /// Why the suite is skipped.
    var skipReason: Comment {
        "\(variable) is not set: scripts/deploy \(stack) --suffix S --outputs PATH, then export \(variable)=PATH (scripts/test does both)"
    }

    /// The string output `key` (snake_case, as the fixture names it).
    func string(_ key: String) throws -> String {
        let value = try self.value(key)
        return try #require(value as? String, "\(key) in \(variable) is not a string: \(value)")
    }

    /// The list output `key`.
    func strings(_ key: String) throws -> [String] {
        let value = try self.value(key)
        if let list = value as? [String] { return list }
        return try #require(value as? String, "\(key) in \(variable) is not a list: \(value)").split(separator: ",").map(String.init)
    }

    /// The `Name` tag the fixture gives a resource: `<stack>-<what>-<suffix>`.
    func name(_ what: String) -> String {
        "\(stack)-\(what)-\((try? string("environment_suffix")) ?? "")"
    }

    private func value(_ key: String) throws -> Any {
        let path = try #require(LiveEmulator.environment[variable], "CI=true but \(variable) is not set: scripts/test deploys the \(stack) stack and exports it")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any], "\(path) is not a JSON object")
        let outputs = object.count == 1 ? (object.values.first as? [String: Any] ?? object) : object
        let camel = key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return try #require(outputs[key] ?? outputs[camel], "no output \(key) in \(path)")
    }
}
