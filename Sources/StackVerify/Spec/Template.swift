import Foundation

/// A spec string that may refer to the deploy's outputs and the environment suffix:
/// `banking-vpc-${suffix}`, `${outputs.private_subnet_ids}`.
public struct Template: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case literal(String)
        case output(String)
        case suffix
    }

    let parts: [Part]
    /// The text as written in the spec.
    public let source: String

    /// Parses `source`; an unknown `${...}` reference is an error.
    init(_ source: String) throws(SpecTemplateError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<start.lowerBound]))) }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw SpecTemplateError(reason: "`${` without a closing `}` in \"\(source)\"")
            }
            let reference = rest[start.upperBound..<end].trimmingCharacters(in: .whitespaces)
            if reference == "suffix" {
                parts.append(.suffix)
            } else if reference.hasPrefix("outputs."), reference.count > "outputs.".count {
                parts.append(.output(String(reference.dropFirst("outputs.".count))))
            } else {
                throw SpecTemplateError(reason: "unknown reference `${\(reference)}`: use ${outputs.KEY} or ${suffix}")
            }
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// The output keys this template reads.
    var outputKeys: [String] {
        parts.compactMap { if case let .output(key) = $0 { key } else { nil } }
    }

    /// Whether the template is exactly one output reference, which may stand for a list.
    var isSingleOutput: Bool {
        parts.count == 1 && !outputKeys.isEmpty
    }

    /// The text as written.
    public var description: String { source }
}

/// A malformed `${...}` reference.
struct SpecTemplateError: Error {
    var reason: String
}
