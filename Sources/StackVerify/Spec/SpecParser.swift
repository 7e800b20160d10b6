import Foundation
import Yams

/// Reads a spec file (YAML, or JSON, which YAML reads too) into a `Spec`, collecting every structural fault
/// with its line and column. Names of types, properties, checks and outputs are checked later, against the
/// catalogue and the outputs, by `SpecBinder`.
public enum SpecParser {
    /// Parses the spec at `path`.
    public static func load(path: String) throws(SpecErrors) -> Spec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecErrors(errors: [SpecError("spec file \(path) does not exist or cannot be read", at: nil)])
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses spec text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(SpecErrors) -> Spec {
        var context = Context(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SpecErrors(errors: [SpecError("not valid YAML: \(Self.describe(error))", at: Self.location(of: error, path: path))])
        } catch {
            throw SpecErrors(errors: [SpecError("not valid YAML: \(error)", at: nil)])
        }
        guard let root, let mapping = root.mapping else {
            throw SpecErrors(errors: [SpecError("a spec is a mapping with `resources:`; see docs/spec.md", at: root.map(context.location))])
        }
        let spec = context.spec(mapping, root: root)
        guard context.errors.isEmpty else { throw SpecErrors(errors: context.errors) }
        return spec
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.joined(separator: " ")
        default:
            return "\(error)"
        }
    }

    private static func location(of error: YamlError, path: String) -> SourceLocation? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column)
        default:
            return nil
        }
    }

    /// The walk over the YAML tree, gathering errors as it goes.
    private struct Context {
        let path: String
        var errors: [SpecError] = []

        init(path: String) {
            self.path = path
        }

        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        }

        mutating func fail(_ message: String, _ node: Node) {
            errors.append(SpecError(message, at: location(node)))
        }

        mutating func spec(_ mapping: Node.Mapping, root: Node) -> Spec {
            var spec = Spec(path: path, stack: nil, resources: [])
            var sawResources = false
            for (key, value) in mapping {
                switch key.string {
                case "version":
                    if value.int != 1 { fail("version must be 1", value) }
                case "stack":
                    spec.stack = scalarText(value, what: "stack")
                case "resources":
                    sawResources = true
                    guard let items = value.sequence else {
                        fail("`resources` is a list of entries, each with `name` and `type`", value)
                        continue
                    }
                    if items.isEmpty {
                        fail("`resources` is empty: a spec that checks nothing would pass any stack", value)
                    }
                    spec.resources = items.compactMap { resource($0) }
                default:
                    fail("unknown top-level key `\(key.string ?? "?")`; expected version, stack, resources", key)
                }
            }
            if !sawResources { fail("the spec has no `resources:` list", root) }
            var seen: [String: SourceLocation] = [:]
            for entry in spec.resources {
                if let first = seen[entry.name] {
                    errors.append(SpecError("resource name `\(entry.name)` is used twice (first at line \(first.line)); names must be unique", at: entry.location))
                }
                seen[entry.name] = entry.location
            }
            return spec
        }

        mutating func resource(_ node: Node) -> ResourceEntry? {
            guard let mapping = node.mapping else {
                fail("a resource entry is a mapping with `name`, `type` and `id`, `ids` or `tags`", node)
                return nil
            }
            var name: String?
            var type: (String, SourceLocation)?
            var selector: Selector?
            var count: Int?
            var expectations: [Expectation] = []
            var checks: [CheckUse] = []
            for (key, value) in mapping {
                switch key.string {
                case "name":
                    name = scalarText(value, what: "name")
                case "type":
                    if let text = scalarText(value, what: "type") { type = (text, location(value)) }
                case "id", "ids":
                    let items = value.sequence.map(Array.init) ?? [value]
                    selector = .ids(items.compactMap { template($0) })
                case "tags":
                    guard let tags = value.mapping else {
                        fail("`tags` maps tag keys to values, e.g. `Name: banking-vpc-${suffix}`", value)
                        continue
                    }
                    guard !tags.isEmpty else {
                        fail("`tags` is empty: it would select every resource of the type; name at least one tag", value)
                        continue
                    }
                    var found: [String: Located<Template>] = [:]
                    for (tagKey, tagValue) in tags {
                        if let keyText = tagKey.string, let value = template(tagValue) { found[keyText] = value }
                    }
                    selector = .tags(found)
                case "count":
                    guard let number = value.int, number >= 0 else {
                        fail("`count` is a whole number of resources", value)
                        continue
                    }
                    count = number
                case "expect":
                    expectations = self.expectations(value)
                case "checks":
                    guard let items = value.sequence else {
                        fail("`checks` is a list of check ids, each optionally with arguments", value)
                        continue
                    }
                    checks = items.compactMap { checkUse($0) }
                default:
                    fail("unknown key `\(key.string ?? "?")` in a resource entry; expected name, type, id, ids, tags, count, expect, checks", key)
                }
            }
            guard let name else {
                fail("this resource entry has no `name`", node)
                return nil
            }
            guard let type else {
                fail("resource `\(name)` has no `type`", node)
                return nil
            }
            guard let selector else {
                fail("resource `\(name)` says neither `id`/`ids` nor `tags`: how is it found?", node)
                return nil
            }
            return ResourceEntry(name: name, type: type.0, selector: selector, count: count, expectations: expectations, checks: checks, location: location(node), typeLocation: type.1)
        }

        mutating func expectations(_ node: Node) -> [Expectation] {
            guard let mapping = node.mapping else {
                fail("`expect` maps property paths to expected values", node)
                return []
            }
            return mapping.compactMap { key, value in
                guard let path = key.string, !path.isEmpty else {
                    fail("a property path is text, e.g. `cidrBlock` or `tags.Name`", key)
                    return nil
                }
                return matcher(value).map { Expectation(path: Self.pathSegments(path), matcher: $0, location: location(key)) }
            }
        }

        /// `tags.Name` → [tags, Name]; a bracketed segment keeps its dots: `tags[kubernetes.io/role/elb]`.
        static func pathSegments(_ path: String) -> [String] {
            var segments: [String] = []
            var current = ""
            var bracketed = false
            for character in path {
                switch character {
                case "[" where !bracketed:
                    if !current.isEmpty { segments.append(current) }
                    current = ""
                    bracketed = true
                case "]" where bracketed:
                    segments.append(current)
                    current = ""
                    bracketed = false
                case "." where !bracketed:
                    if !current.isEmpty { segments.append(current) }
                    current = ""
                default:
                    current.append(character)
                }
            }
            if !current.isEmpty { segments.append(current) }
            return segments
        }

        mutating func matcher(_ node: Node) -> Matcher? {
            guard let mapping = node.mapping else {
                return template(node).map { .equals($0.value) }
            }
            guard mapping.count == 1, let (key, value) = mapping.first else {
                fail("a matcher has exactly one of equals, oneOf, contains, matches, count, each, absent", node)
                return nil
            }
            switch key.string {
            case "equals": return template(value).map { .equals($0.value) }
            case "oneOf":
                guard let items = value.sequence else {
                    fail("`oneOf` takes a list", value)
                    return nil
                }
                return .oneOf(items.compactMap { template($0)?.value })
            case "contains": return template(value).map { .contains($0.value) }
            case "matches":
                guard let pattern = template(value) else { return nil }
                if pattern.value.outputKeys.isEmpty, (try? Regex(pattern.value.source.replacingOccurrences(of: "${suffix}", with: "x"))) == nil {
                    fail("`\(pattern.value.source)` is not a valid regular expression", value)
                }
                return .matches(pattern.value)
            case "count":
                guard let number = value.int, number >= 0 else {
                    fail("`count` takes a whole number", value)
                    return nil
                }
                return .count(number)
            case "each": return .each(expectations(value))
            case "absent":
                guard value.bool == true else {
                    fail("`absent` takes `true`", value)
                    return nil
                }
                return .absent
            default:
                fail("unknown matcher `\(key.string ?? "?")`; expected equals, oneOf, contains, matches, count, each, absent", key)
                return nil
            }
        }

        mutating func checkUse(_ node: Node) -> CheckUse? {
            if let id = node.scalar?.string {
                return CheckUse(id: id, arguments: [:], location: location(node))
            }
            guard let mapping = node.mapping, mapping.count == 1, let (key, value) = mapping.first, let id = key.string else {
                fail("a check is its id, or `id: argument`, or `id: {name: value, ...}`", node)
                return nil
            }
            var arguments: [String: Located<ArgumentValue>] = [:]
            if let named = value.mapping {
                for (argumentKey, argumentValue) in named {
                    guard let name = argumentKey.string, let argument = argument(argumentValue) else { continue }
                    // Faults in a named argument point at its name.
                    arguments[name] = Located(value: argument.value, location: location(argumentKey))
                }
            } else if let scalar = value.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                // `- check-id:` with nothing after it gives no argument, so a required one is reported missing.
            } else if let argument = argument(value) {
                // A bare value fills the check's main argument, resolved against the catalogue later.
                arguments[""] = argument
            }
            return CheckUse(id: id, arguments: arguments, location: location(key))
        }

        mutating func argument(_ node: Node) -> Located<ArgumentValue>? {
            if let items = node.sequence {
                return Located(value: .list(items.compactMap { template($0)?.value }), location: location(node))
            }
            return template(node).map { Located(value: .scalar($0.value), location: $0.location) }
        }

        mutating func template(_ node: Node) -> Located<Template>? {
            guard let text = scalarText(node, what: "value") else { return nil }
            do {
                return Located(value: try Template(text), location: location(node))
            } catch {
                fail(error.reason, node)
                return nil
            }
        }

        mutating func scalarText(_ node: Node, what: String) -> String? {
            guard let scalar = node.scalar else {
                fail("this \(what) must be a single value", node)
                return nil
            }
            return scalar.string
        }
    }
}
