import Foundation

/// The outputs of one deployed stack (output name → value), read from the file a deploy writes, in any of
/// the shapes deploys write it: CDKTF flat, CDKTF nested under the stack name, or CloudFormation
/// `describe-stacks` JSON. Lists may be JSON arrays, JSON-encoded strings or comma-joined strings.
public struct StackOutputs: Sendable, Equatable {
    /// One output value as the file holds it.
    public enum Value: Sendable, Equatable {
        /// A string (which may hold a JSON-encoded or comma-joined list).
        case string(String)
        /// A JSON array.
        case list([String])
        /// A number, boolean or object, as text.
        case other(String)
    }

    /// The file the outputs came from.
    public let path: String
    /// The stack's name, when the file names it (nested and CloudFormation shapes).
    public let stackName: String?
    /// Every output by its name as written.
    public let values: [String: Value]

    /// Outputs given directly, for tests and embedding.
    public init(path: String, stackName: String?, values: [String: Value]) {
        self.path = path
        self.stackName = stackName
        self.values = values
    }

    /// The default path a deploy writes.
    public static let defaultPath = "cfn-outputs/flat-outputs.json"

    /// Reads the outputs file at `path`. In a file holding several stacks, `stack` picks one by name, else
    /// the one whose name ends with `suffix`, else the only one.
    public static func load(path: String, stack: String? = nil, suffix: String? = nil) throws(OutputsError) -> StackOutputs {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileMissing(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON(path: path, reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
        }
        guard let object = json as? [String: Any] else {
            throw .unrecognizedShape(path: path, reason: "the top level is not a JSON object")
        }
        let stacks = try Self.stacks(in: object, path: path)
        let chosen = try Self.choose(from: stacks, stack: stack, suffix: suffix, path: path)
        return StackOutputs(path: path, stackName: chosen.name, values: chosen.values)
    }

    /// The string output `key`.
    public func string(_ key: String) throws(OutputsError) -> String {
        let (name, value) = try lookup(key)
        switch value {
        case let .string(text): return text
        case let .list(items): throw .wrongType(path: path, key: name, expected: "a single value", actual: "a list of \(items.count)")
        case let .other(text): return text
        }
    }

    /// The list output `key`: a JSON array, a JSON-encoded array in a string, or a comma-joined string.
    public func list(_ key: String) throws(OutputsError) -> [String] {
        let (_, value) = try lookup(key)
        switch value {
        case let .list(items):
            return items
        case let .string(text), let .other(text):
            if text.hasPrefix("["), let data = text.data(using: .utf8), let items = try? JSONSerialization.jsonObject(with: data) as? [Any] {
                return items.map(Self.text)
            }
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// The environment suffix: given, else from the stack name (`TapStackpr123` → `pr123`), else from an
    /// `environment_suffix` output.
    public func environmentSuffix(given: String?) -> String? {
        if let given, !given.isEmpty { return given }
        if let stackName, let range = stackName.range(of: "^(TapStack|tap-stack-|tap-)", options: [.regularExpression, .caseInsensitive]) {
            let rest = String(stackName[range.upperBound...])
            if !rest.isEmpty { return rest }
        }
        return try? string("environment_suffix")
    }

    /// The output `key`: by its exact name, else by its normalized name (`vpc_id` ~ `VpcId` ~ `VPCId`).
    func lookup(_ key: String) throws(OutputsError) -> (name: String, value: Value) {
        if let value = values[key] { return (key, value) }
        let wanted = Self.normalized(key)
        let matches = values.keys.filter { Self.normalized($0) == wanted }.sorted()
        guard let first = matches.first else {
            throw .keyMissing(path: path, key: key, available: values.keys.sorted())
        }
        guard matches.count == 1 else {
            throw .ambiguousKey(path: path, key: key, candidates: matches)
        }
        return (first, values[first]!)
    }

    /// Lower case with every character but letters and digits dropped.
    static func normalized(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    private struct NamedStack {
        var name: String?
        var values: [String: Value]
    }

    /// The stacks a file holds, whatever its shape.
    private static func stacks(in object: [String: Any], path: String) throws(OutputsError) -> [NamedStack] {
        if let described = object["Stacks"] as? [[String: Any]] {
            return try described.map { stack throws(OutputsError) in
                guard let name = stack["StackName"] as? String else {
                    throw .unrecognizedShape(path: path, reason: "a CloudFormation stack has no StackName")
                }
                var values: [String: Value] = [:]
                for output in stack["Outputs"] as? [[String: Any]] ?? [] {
                    guard let key = output["OutputKey"] as? String else {
                        throw .unrecognizedShape(path: path, reason: "an output of stack \(name) has no OutputKey")
                    }
                    values[key] = value(output["OutputValue"] ?? "")
                }
                return NamedStack(name: name, values: values)
            }
        }
        if !object.isEmpty, object.values.allSatisfy({ $0 is [String: Any] }) {
            return object.keys.sorted().map { name in
                NamedStack(name: name, values: (object[name] as! [String: Any]).mapValues(value))
            }
        }
        return [NamedStack(name: nil, values: object.mapValues(value))]
    }

    private static func choose(from stacks: [NamedStack], stack: String?, suffix: String?, path: String) throws(OutputsError) -> NamedStack {
        let names = stacks.compactMap(\.name)
        if let stack {
            guard let found = stacks.first(where: { $0.name == stack }) else {
                throw .stackNotFound(path: path, stack: stack, available: names)
            }
            return found
        }
        if stacks.count == 1 { return stacks[0] }
        if let suffix, !suffix.isEmpty {
            let matching = stacks.filter { $0.name?.hasSuffix(suffix) == true }
            if matching.count == 1 { return matching[0] }
            if matching.count > 1 { throw .ambiguousStack(path: path, candidates: matching.compactMap(\.name)) }
            throw .stackNotFound(path: path, stack: "*\(suffix)", available: names)
        }
        throw .ambiguousStack(path: path, candidates: names)
    }

    private static func value(_ any: Any) -> Value {
        switch any {
        case let text as String: .string(text)
        case let items as [Any]: .list(items.map(text))
        default: .other(text(any))
        }
    }

    private static func text(_ any: Any) -> String {
        switch any {
        case let text as String: return text
        case let number as NSNumber:
            // JSON booleans arrive as NSNumbers whose type code is `c`.
            let isBoolean = number.objCType.pointee == CChar(UInt8(ascii: "c"))
            return isBoolean ? (number.boolValue ? "true" : "false") : number.stringValue
        default:
            guard let data = try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys, .fragmentsAllowed]) else { return "\(any)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
