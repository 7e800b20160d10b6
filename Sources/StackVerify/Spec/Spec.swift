/// A verification spec as written: which resources a stack must have, the properties each must show, and
/// the catalogue checks each must pass. See docs/spec.md.
public struct Spec: Sendable {
    /// The spec file.
    public var path: String
    /// A name for the stack in reports.
    public var stack: String?
    /// The resources to verify, in file order.
    public var resources: [ResourceEntry]
}

extension Spec {
    /// Every output key the spec refers to: a spec that names none can run without an outputs file,
    /// finding its resources by tags and names with `${suffix}` alone.
    public var referencedOutputs: Set<String> {
        var keys: Set<String> = []
        func add(_ template: Template) { keys.formUnion(template.outputKeys) }
        func add(_ expectations: [Expectation]) {
            for expectation in expectations {
                switch expectation.matcher {
                case let .equals(template), let .contains(template), let .matches(template): add(template)
                case let .oneOf(templates): templates.forEach(add)
                case let .each(nested): add(nested)
                case .count, .absent: break
                }
            }
        }
        for entry in resources {
            switch entry.selector {
            case let .ids(templates): templates.forEach { add($0.value) }
            case let .tags(tags): tags.values.forEach { add($0.value) }
            }
            add(entry.expectations)
            for use in entry.checks {
                for argument in use.arguments.values {
                    switch argument.value {
                    case let .scalar(template): add(template)
                    case let .list(templates): templates.forEach(add)
                    }
                }
            }
        }
        return keys
    }
}

/// One `resources:` entry: a type, how to find its resources, and what they must be.
public struct ResourceEntry: Sendable {
    /// A label for reports, unique in the spec.
    public var name: String
    /// The resource type as written, e.g. `subnet`.
    public var type: String
    /// How the resources are found.
    public var selector: Selector
    /// How many resources must be found, when the spec says.
    public var count: Int?
    /// Property expectations every found resource must meet.
    public var expectations: [Expectation]
    /// Catalogue checks to run on the found resources.
    public var checks: [CheckUse]
    /// Where the entry starts.
    public var location: SourceLocation
    /// Where its `type:` is.
    public var typeLocation: SourceLocation
}

/// How a spec entry names its resources.
public enum Selector: Sendable {
    /// By id or name; each template may resolve to a list (`${outputs.private_subnet_ids}`).
    case ids([Located<Template>])
    /// EC2 resources by tags (`tag:Name` filters; `*` wildcards allowed).
    case tags([String: Located<Template>])
}

/// A value with its place in the spec.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it is written.
    public var location: SourceLocation
}

/// One property expectation: `cidrBlock: 10.50.0.0/16`, `state: {oneOf: [available]}`.
public struct Expectation: Sendable {
    /// The property path, e.g. `["tags", "Name"]`.
    public var path: [String]
    /// What the property must be.
    public var matcher: Matcher
    /// Where it is written.
    public var location: SourceLocation

    /// The path as written, `tags.Name`.
    public var pathText: String { path.joined(separator: ".") }
}

/// What a property must be.
public indirect enum Matcher: Sendable {
    /// Equal to the value (compared as text: `600`, `true`, `10.50.0.0/16`).
    case equals(Template)
    /// Equal to one of the values.
    case oneOf([Template])
    /// A list holding the value, or a string holding it as a substring.
    case contains(Template)
    /// A string matching the regular expression.
    case matches(Template)
    /// A list of exactly this many items.
    case count(Int)
    /// Every item of a list meets these expectations.
    case each([Expectation])
    /// The property is absent (or null, or an empty list).
    case absent
}

/// A catalogue check named in a spec, with its arguments.
public struct CheckUse: Sendable {
    /// The check id, e.g. `private-subnets-route-through-nat`.
    public var id: String
    /// Arguments by name; a scalar written after the id fills the check's main argument.
    public var arguments: [String: Located<ArgumentValue>]
    /// Where it is written.
    public var location: SourceLocation
}

/// An argument of a check as written.
public enum ArgumentValue: Sendable {
    /// One value.
    case scalar(Template)
    /// A list of values.
    case list([Template])
}
