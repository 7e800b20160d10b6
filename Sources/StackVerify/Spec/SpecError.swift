/// Where something stands in a spec file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The spec file.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// `file:line:column`, as editors and CI annotations read it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a spec, at its place in the file.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the fault is, when it has a place.
    public var location: SourceLocation?
    /// What is wrong and what to write instead.
    public var message: String

    /// A spec error.
    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`.
    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }
}

/// Every fault found in a spec, reported together before any AWS call.
public struct SpecErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The faults, in file order.
    public var errors: [SpecError]

    /// One fault per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
