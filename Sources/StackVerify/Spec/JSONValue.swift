import Foundation

/// A JSON-like value: what a resource's properties look like to a spec, and what checks report as actual values.
public enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    /// JSON null, or nothing.
    case null
    /// true or false.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// Text.
    case string(String)
    /// A list.
    case array([JSONValue])
    /// Named values.
    case object([String: JSONValue])

    /// The value of an `Encodable` model, as `describe --json` shows it.
    public init(encoding model: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(model)
        self.init(any: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// A value from what JSONSerialization returns.
    init(any: Any) {
        switch any {
        case let number as NSNumber:
            // JSON booleans arrive as NSNumbers whose type code is `c`.
            if number.objCType.pointee == CChar(UInt8(ascii: "c")) {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let text as String: self = .string(text)
        case let items as [Any]: self = .array(items.map(JSONValue.init(any:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(any:)))
        default: self = .null
        }
    }

    /// The value at a dotted path (`tags.Name`, `routes.0.state`); `nil` when any step is missing.
    public func value(at path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        switch self {
        case let .object(object):
            return object[first]?.value(at: Array(path.dropFirst()))
        case let .array(items):
            guard let index = Int(first), items.indices.contains(index) else { return nil }
            return items[index].value(at: Array(path.dropFirst()))
        default:
            return nil
        }
    }

    /// The value as text for comparisons and messages: strings bare, whole numbers without `.0`.
    public var text: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case let .string(value): return value
        case .array, .object: return description
        }
    }

    /// Compact JSON.
    public var description: String {
        switch self {
        case .null, .bool, .number: return text
        case let .string(value): return "\"\(value)\""
        case let .array(items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .object(object): return "{" + object.keys.sorted().map { "\($0): \(object[$0]!.description)" }.joined(separator: ", ") + "}"
        }
    }
}

extension JSONValue {
    /// An indented, YAML-like rendering for people: `key: value` lines, lists as `- ` items, empty
    /// lists and objects shown as `[]` and `{}`.
    public var readable: String {
        readableLines(indent: "").joined(separator: "\n")
    }

    private func readableLines(indent: String) -> [String] {
        switch self {
        case let .object(object):
            return object.keys.sorted().flatMap { key -> [String] in
                let value = object[key]!
                switch value {
                case let .object(inner) where !inner.isEmpty:
                    return ["\(indent)\(key):"] + value.readableLines(indent: indent + "  ")
                case let .array(items) where !items.isEmpty:
                    return ["\(indent)\(key):"] + value.readableLines(indent: indent + "  ")
                default:
                    return ["\(indent)\(key): \(value.inline)"]
                }
            }
        case let .array(items):
            return items.flatMap { item -> [String] in
                guard item.isNonEmptyCollection else { return ["\(indent)- \(item.inline)"] }
                // The item's first line goes on the dash; the rest line up under it.
                let lines = item.readableLines(indent: indent + "  ")
                guard let first = lines.first else { return [] }
                return ["\(indent)- " + first.dropFirst(indent.count + 2)] + lines.dropFirst()
            }
        default:
            return ["\(indent)\(inline)"]
        }
    }

    private var isNonEmptyCollection: Bool {
        switch self {
        case let .object(object): !object.isEmpty
        case let .array(items): !items.isEmpty
        default: false
        }
    }

    private var inline: String {
        switch self {
        case let .object(object) where object.isEmpty: "{}"
        case let .array(items) where items.isEmpty: "[]"
        default: text
        }
    }
}

extension JSONValue {
    /// Indented JSON with sorted keys.
    public var prettyJSON: String {
        func render(_ value: JSONValue, _ indent: String) -> String {
            switch value {
            case let .string(text):
                let data = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])) ?? Data()
                return String(decoding: data, as: UTF8.self)
            case let .array(items) where !items.isEmpty:
                return "[\n" + items.map { indent + "  " + render($0, indent + "  ") }.joined(separator: ",\n") + "\n\(indent)]"
            case let .object(object) where !object.isEmpty:
                return "{\n" + object.keys.sorted().map { indent + "  \"\($0)\": " + render(object[$0]!, indent + "  ") }.joined(separator: ",\n") + "\n\(indent)}"
            case .array: return "[]"
            case .object: return "{}"
            default: return value.text
            }
        }
        return render(self, "")
    }
}
