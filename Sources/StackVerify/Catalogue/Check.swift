import Foundation

/// One rule of the catalogue: a stable id, a one-line title, the arguments it takes, the reads it needs,
/// and how it decides. Declared once; docs/checks.md is generated from these declarations.
public struct Check: Sendable {
    /// The id a spec names it by, e.g. `private-subnets-route-through-nat`.
    public let id: String
    /// What it proves, in one line.
    public let title: String
    /// The resource type it applies to; `nil` for checks that apply to every type.
    public let kind: ResourceKind?
    /// The arguments it takes.
    public let arguments: [Argument]
    /// The AWS calls it needs, for docs and the IAM policy.
    public let reads: [String]
    /// The seed report it comes from, for docs.
    public let origin: String
    let evaluate: @Sendable (CheckContext) async throws -> [Finding]

    /// One argument of a check.
    public struct Argument: Sendable {
        /// The argument's name in a spec.
        public let name: String
        /// What it means.
        public let summary: String
        /// The kind of value.
        public let type: ArgumentType
        /// The value when the spec gives none; `nil` makes it required.
        public let defaultValue: ArgumentValueResolved?
        /// Whether a bare value after the check id fills this argument.
        public let isMain: Bool

        /// An argument.
        public init(_ name: String, _ summary: String, type: ArgumentType, default defaultValue: ArgumentValueResolved? = nil, isMain: Bool = false) {
            self.name = name
            self.summary = summary
            self.type = type
            self.defaultValue = defaultValue
            self.isMain = isMain
        }
    }

    /// The kinds of argument value.
    public enum ArgumentType: String, Sendable {
        /// One value.
        case string
        /// A list of values.
        case strings
        /// A whole number.
        case integer
        /// A list of whole numbers.
        case integers
        /// true or false.
        case boolean
    }

    /// A check.
    public init(
        id: String, title: String, kind: ResourceKind?, arguments: [Argument] = [], reads: [String], origin: String,
        evaluate: @escaping @Sendable (CheckContext) async throws -> [Finding]
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.arguments = arguments
        self.reads = reads
        self.origin = origin
        self.evaluate = evaluate
    }
}

/// An argument value after outputs and the suffix are filled in.
public enum ArgumentValueResolved: Sendable, Equatable, CustomStringConvertible {
    /// One value.
    case text(String)
    /// A list of values.
    case list([String])

    /// The value as written in messages.
    public var description: String {
        switch self {
        case let .text(text): text
        case let .list(items): "[" + items.joined(separator: ", ") + "]"
        }
    }
}

/// What a check is given: the resources of its spec entry, its arguments, and the live state.
public struct CheckContext: Sendable {
    /// The resource type of the entry.
    public let kind: ResourceKind
    /// The ids of the resources the entry found.
    public let resourceIDs: [String]
    /// The environment suffix.
    public let suffix: String?
    /// The live state, for every read.
    public let state: LiveState
    let arguments: [String: ArgumentValueResolved]

    /// One finding per resource of the entry, worked out concurrently, in the entry's order.
    public func eachResource(_ body: @escaping @Sendable (String) async throws -> Finding) async throws -> [Finding] {
        try await withThrowingTaskGroup(of: (Int, Finding).self) { group in
            for (index, id) in resourceIDs.enumerated() {
                group.addTask { (index, try await body(id)) }
            }
            return try await group.reduce(into: [(Int, Finding)]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The text argument `name` (declared by the check, so always present).
    public func text(_ name: String) -> String {
        switch arguments[name] {
        case let .text(text): text
        case let .list(items): items.joined(separator: ",")
        case nil: preconditionFailure("check argument \(name) is declared with a default or required")
        }
    }

    /// The list argument `name`.
    public func list(_ name: String) -> [String] {
        switch arguments[name] {
        case let .list(items): items
        case let .text(text): text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        case nil: []
        }
    }

    /// The integer argument `name` (validated as an integer when the spec was bound).
    public func integer(_ name: String) -> Int {
        Int(text(name)) ?? 0
    }

    /// The integer list argument `name`.
    public func integers(_ name: String) -> [Int] {
        list(name).compactMap { Int($0) }
    }

}

/// The verdict of a check on one resource (or on the entry's set of resources).
public struct Finding: Sendable, Equatable {
    /// The resource it is about.
    public var resourceID: String
    /// Whether the live state meets the rule.
    public var passed: Bool
    /// What was found: on failure it names the resource, the property, the expected and the actual value.
    public var message: String

    /// A passing finding.
    public static func pass(_ resourceID: String, _ message: String) -> Finding {
        Finding(resourceID: resourceID, passed: true, message: message)
    }

    /// A failing finding.
    public static func fail(_ resourceID: String, _ message: String) -> Finding {
        Finding(resourceID: resourceID, passed: false, message: message)
    }

    /// A finding that passes when `condition` holds: `expected`/`actual` name the property's values.
    public static func expect(_ condition: Bool, _ resourceID: String, property: String, expected: String, actual: String) -> Finding {
        Finding(
            resourceID: resourceID, passed: condition,
            message: condition ? "\(resourceID) \(property) is \(actual)" : "\(resourceID) \(property): expected \(expected), found \(actual)"
        )
    }
}
