import Foundation

/// A JSON-like value: what a resource's properties look like to a spec, and what checks report as actual values.
public enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of an `Encodable` model, as `describe --json` shows it.
    public init(encoding model: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
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
