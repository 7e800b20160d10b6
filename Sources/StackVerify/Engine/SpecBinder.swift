import Foundation

/// Binds a spec to a deploy's outputs and checks it against the catalogue, before any AWS call: unknown
/// types, properties, checks, arguments and outputs are all reported together, each at its line.
public enum SpecBinder {
    /// The plan for `spec` with `outputs` and `suffix`; throws every fault found.
    public static func bind(_ spec: Spec, outputs: StackOutputs, suffix: String?) throws(SpecErrors) -> Plan {
        var binder = Binder(outputs: outputs, suffix: suffix)
        let entries = spec.resources.compactMap { binder.entry($0) }
        guard binder.errors.isEmpty else { throw SpecErrors(errors: binder.errors) }
        return Plan(specPath: spec.path, stack: spec.stack, suffix: suffix, entries: entries)
    }

    private struct Binder {
        let outputs: StackOutputs
        let suffix: String?
        var errors: [SpecError] = []

        init(outputs: StackOutputs, suffix: String?) {
            self.outputs = outputs
            self.suffix = suffix
        }

        mutating func entry(_ entry: ResourceEntry) -> PlannedEntry? {
            guard let kind = ResourceKind(rawValue: entry.type) else {
                errors.append(SpecError("unknown resource type `\(entry.type)`; known types: \(ResourceKind.allCases.map(\.rawValue).joined(separator: ", "))", at: entry.typeLocation))
                return nil
            }
            let selector: ResolvedSelector
            switch entry.selector {
            case let .ids(templates):
                selector = .ids(templates.flatMap { resolve($0, asList: true)?.items ?? [] })
            case let .tags(tags):
                guard kind.isFoundByTags else {
                    errors.append(SpecError("`\(kind)` resources cannot be found by tags; name them with `id` or `ids` (\(kind.identifier))", at: entry.location))
                    return nil
                }
                var resolved: [String: String] = [:]
                for (key, template) in tags {
                    if let value = resolve(template) { resolved[key] = value.items.joined(separator: ",") }
                }
                selector = .tags(resolved)
            }
            let expectations = entry.expectations.compactMap { expectation($0, kind: kind, topLevel: true) }
            let checks = entry.checks.compactMap { check($0, kind: kind) }
            return PlannedEntry(name: entry.name, kind: kind, selector: selector, count: entry.count, expectations: expectations, checks: checks)
        }

        mutating func expectation(_ expectation: Expectation, kind: ResourceKind, topLevel: Bool) -> ResolvedExpectation? {
            if topLevel, let first = expectation.path.first, !kind.propertyNames.contains(first) {
                errors.append(SpecError("`\(kind)` has no property `\(first)`; its properties: \(kind.propertyNames.sorted().joined(separator: ", "))", at: expectation.location))
                return nil
            }
            let located = { (template: Template) in Located(value: template, location: expectation.location) }
            let matcher: ResolvedMatcher
            switch expectation.matcher {
            case let .equals(template):
                guard let value = resolve(located(template)) else { return nil }
                matcher = .equals(value.items)
            case let .oneOf(templates):
                matcher = .oneOf(templates.flatMap { resolve(located($0))?.items ?? [] })
            case let .contains(template):
                guard let value = resolve(located(template)) else { return nil }
                matcher = .contains(value.items)
            case let .matches(template):
                guard let value = resolve(located(template), escapingForRegex: true) else { return nil }
                let pattern = value.items.joined(separator: ",")
                guard (try? Regex(pattern)) != nil else {
                    errors.append(SpecError("`\(pattern)` is not a valid regular expression", at: expectation.location))
                    return nil
                }
                matcher = .matches(pattern)
            case let .count(number):
                matcher = .count(number)
            case let .each(nested):
                matcher = .each(nested.compactMap { self.expectation($0, kind: kind, topLevel: false) })
            case .absent:
                matcher = .absent
            }
            return ResolvedExpectation(path: expectation.path, matcher: matcher)
        }

        mutating func check(_ use: CheckUse, kind: ResourceKind) -> PlannedCheck? {
            guard let check = Catalogue.check(id: use.id) else {
                let near = Catalogue.checks.filter { $0.kind == kind || $0.kind == nil }.map(\.id)
                errors.append(SpecError("unknown check `\(use.id)`; checks for `\(kind)`: \(near.isEmpty ? "none" : near.joined(separator: ", "))", at: use.location))
                return nil
            }
            guard check.kind == nil || check.kind == kind else {
                errors.append(SpecError("check `\(check.id)` applies to `\(check.kind?.rawValue ?? "any")` resources, not `\(kind)`", at: use.location))
                return nil
            }
            var arguments: [String: ArgumentValueResolved] = [:]
            for (name, value) in use.arguments {
                let argument = name.isEmpty ? check.arguments.first(where: \.isMain) : check.arguments.first { $0.name == name }
                guard let argument else {
                    let known = check.arguments.map(\.name)
                    let reason = name.isEmpty ? "takes no bare value" : "has no argument `\(name)`"
                    errors.append(SpecError("check `\(check.id)` \(reason); its arguments: \(known.isEmpty ? "none" : known.joined(separator: ", "))", at: value.location))
                    continue
                }
                guard let resolved = resolve(value, asList: argument.type == .strings || argument.type == .integers) else { continue }
                if let problem = Self.typeProblem(resolved, argument.type) {
                    errors.append(SpecError("argument `\(argument.name)` of `\(check.id)` \(problem)", at: value.location))
                    continue
                }
                arguments[argument.name] = resolved
            }
            for argument in check.arguments where arguments[argument.name] == nil {
                if let fallback = argument.defaultValue {
                    arguments[argument.name] = fallback
                } else {
                    errors.append(SpecError("check `\(check.id)` needs argument `\(argument.name)`: \(argument.summary)", at: use.location))
                }
            }
            return PlannedCheck(check: check, arguments: arguments)
        }

        static func typeProblem(_ value: ArgumentValueResolved, _ type: Check.ArgumentType) -> String? {
            let items: [String]
            switch value {
            case let .text(text): items = [text]
            case let .list(list): items = list
            }
            switch type {
            case .integer, .integers:
                if case .list = value, type == .integer { return "takes one whole number, not a list" }
                return items.allSatisfy { Int($0) != nil } ? nil : "takes whole numbers, not \(value)"
            case .boolean:
                return items.count == 1 && ["true", "false"].contains(items[0]) ? nil : "takes true or false, not \(value)"
            case .string:
                if case .list = value { return "takes one value, not a list" }
                return nil
            case .strings:
                return nil
            }
        }

        /// The value of a template argument: a list when it is a single list output (or one read as a list
        /// where a list is wanted), else text.
        mutating func resolve(_ located: Located<ArgumentValue>, asList: Bool) -> ArgumentValueResolved? {
            switch located.value {
            case let .scalar(template):
                guard let value = resolve(Located(value: template, location: located.location), asList: asList) else { return nil }
                return value.isList ? .list(value.items) : .text(value.items.first ?? "")
            case let .list(templates):
                return .list(templates.flatMap { resolve(Located(value: $0, location: located.location), asList: asList)?.items ?? [] })
            }
        }

        /// A resolved template: its items, and whether it came from a list output.
        struct Resolved {
            var items: [String]
            var isList: Bool
        }

        /// The value of a template. A single output reference is a list when the output is one, or when
        /// `asList` (ids, list arguments) asks for one: then a JSON-encoded or comma-joined string, as
        /// CloudFormation writes lists, is split.
        mutating func resolve(_ located: Located<Template>, asList: Bool = false, escapingForRegex: Bool = false) -> Resolved? {
            // Values put into a regular expression match themselves: a suffix `pr.1` matches only `pr.1`.
            let literal = { (value: String) in escapingForRegex ? NSRegularExpression.escapedPattern(for: value) : value }
            let template = located.value
            if template.isSingleOutput, let key = template.outputKeys.first {
                do {
                    let isNativeList = if case .list = try outputs.lookup(key).value { true } else { false }
                    if isNativeList || asList {
                        return Resolved(items: try outputs.list(key).map(literal), isList: true)
                    }
                    return Resolved(items: [literal(try outputs.string(key))], isList: false)
                } catch {
                    errors.append(SpecError(error.description, at: located.location))
                    return nil
                }
            }
            var text = ""
            for part in template.parts {
                switch part {
                case let .literal(literal):
                    text += literal
                case .suffix:
                    guard let suffix else {
                        errors.append(SpecError("`${suffix}` is used but no environment suffix is known: pass --suffix or set ENVIRONMENT_SUFFIX", at: located.location))
                        return nil
                    }
                    text += literal(suffix)
                case let .output(key):
                    do {
                        text += literal(try outputs.string(key))
                    } catch {
                        errors.append(SpecError(error.description, at: located.location))
                        return nil
                    }
                }
            }
            return Resolved(items: [text], isList: false)
        }
    }
}
