/// Decides property expectations against a snapshot's properties. Values compare as text, so `600`, `true`
/// and `10.50.0.0/16` in a spec match the number, boolean and string AWS reports.
enum ExpectationEvaluator {
    /// The finding of `expectation` on `snapshot`.
    static func evaluate(_ expectation: ResolvedExpectation, on snapshot: ResourceSnapshot) -> Finding {
        let problem = self.problem(expectation, in: snapshot.properties)
        let property = expectation.pathText
        if let problem {
            return .fail(snapshot.id, "\(snapshot.kind) \(snapshot.id) \(property): \(problem)")
        }
        let actual = snapshot.properties.value(at: expectation.path).map(\.text) ?? "absent"
        return .pass(snapshot.id, "\(snapshot.kind) \(snapshot.id) \(property) is \(actual)")
    }

    /// What is wrong with the property, or `nil` when the expectation holds.
    static func problem(_ expectation: ResolvedExpectation, in properties: JSONValue) -> String? {
        let actual = properties.value(at: expectation.path)
        let found = actual.map { "found \($0.description)" } ?? "the property is absent"
        switch expectation.matcher {
        case let .equals(values):
            // A list property equals the values as a set of items, in any order; anything else, one value.
            if case .array? = actual {
                return texts(actual).sorted() == values.sorted() ? nil : "expected \(list(values)), \(found)"
            }
            return values.count == 1 && actual?.text == values[0] ? nil : "expected \(list(values)), \(found)"
        case let .oneOf(values):
            return actual.map { values.contains($0.text) } == true ? nil : "expected one of \(list(values)), \(found)"
        case let .contains(values):
            if case let .string(text) = actual {
                let missing = values.filter { !text.contains($0) }
                return missing.isEmpty ? nil : "expected text containing \(list(missing)), \(found)"
            }
            let items = texts(actual)
            let missing = values.filter { !items.contains($0) }
            return missing.isEmpty ? nil : "expected a list containing \(list(missing)), \(found)"
        case let .matches(pattern):
            guard let actual, let regex = try? Regex(pattern) else { return "expected text matching /\(pattern)/, \(found)" }
            return actual.text.contains(regex) ? nil : "expected text matching /\(pattern)/, \(found)"
        case let .count(expected):
            let count: Int
            switch actual {
            case let .array(items)?: count = items.count
            case let .object(object)?: count = object.count
            case nil, .null?: count = 0
            default: return "expected a list of \(expected), \(found)"
            }
            return count == expected ? nil : "expected \(expected) items, found \(count)"
        case let .each(nested):
            guard case let .array(items)? = actual else { return "expected a list, \(found)" }
            for (index, item) in items.enumerated() {
                for inner in nested {
                    if let problem = problem(inner, in: item) {
                        return "item \(index) \(inner.pathText): \(problem)"
                    }
                }
            }
            return nil
        case .absent:
            switch actual {
            case nil, .null?: return nil
            case let .array(items)? where items.isEmpty: return nil
            case let .string(text)? where text.isEmpty: return nil
            default: return "expected absent, \(found)"
            }
        }
    }

    private static func texts(_ value: JSONValue?) -> [String] {
        switch value {
        case let .array(items)?: items.map(\.text)
        case let value?: [value.text]
        case nil: []
        }
    }

    private static func list(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }
}
