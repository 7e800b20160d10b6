/// A spec bound to a deploy's outputs and checked against the catalogue: everything resolved, nothing
/// left that could fail for a reason other than the live state.
public struct Plan: Sendable {
    /// The spec file.
    public var specPath: String
    /// The stack name for reports.
    public var stack: String?
    /// The environment suffix in use, if any.
    public var suffix: String?
    /// The entries in spec order.
    public var entries: [PlannedEntry]
}

/// One resource entry, resolved.
public struct PlannedEntry: Sendable {
    /// The entry's name.
    public var name: String
    /// Its resource type.
    public var kind: ResourceKind
    /// How its resources are found.
    public var selector: ResolvedSelector
    /// How many must be found, if said.
    public var count: Int?
    /// The property expectations.
    public var expectations: [ResolvedExpectation]
    /// The catalogue checks with their arguments.
    public var checks: [PlannedCheck]
}

/// How an entry's resources are found, with outputs and suffix filled in.
public enum ResolvedSelector: Sendable, Equatable {
    /// These ids or names.
    case ids([String])
    /// Resources whose tags match (wildcards allowed).
    case tags([String: String])
}

/// A property expectation with its values resolved.
public struct ResolvedExpectation: Sendable {
    /// The property path.
    public var path: [String]
    /// What it must be.
    public var matcher: ResolvedMatcher

    /// `tags.Name`.
    public var pathText: String { path.joined(separator: ".") }
}

/// A matcher with its values resolved; a value that came from a list output holds every item.
public indirect enum ResolvedMatcher: Sendable {
    /// Equal to the value, or to these items in any order.
    case equals([String])
    /// Equal to one of the values.
    case oneOf([String])
    /// A list holding every value, or text holding each.
    case contains([String])
    /// Text matching the regular expression.
    case matches(String)
    /// A list of exactly this many items.
    case count(Int)
    /// Every item of a list meets these.
    case each([ResolvedExpectation])
    /// Absent, null, or empty.
    case absent
}

/// A catalogue check to run on an entry.
public struct PlannedCheck: Sendable {
    /// The check.
    public var check: Check
    /// Its arguments, defaults filled in.
    public var arguments: [String: ArgumentValueResolved]
}
