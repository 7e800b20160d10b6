/// An ordered list of HTTP header fields in which a name may repeat, looked up without regard to case.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header line: its name as written and its value.
    public struct Field: Sendable, Equatable {
        /// The header name, with the case it was written in.
        public var name: String
        /// The header value, unmodified.
        public var value: String

        /// A header line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every field in the order it was added.
    public private(set) var fields: [Field]

    /// Headers from `fields`, kept in order.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Headers from name-value pairs, kept in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The first value of the header `name`, if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether a header `name` is present.
    public func contains(_ name: String) -> Bool {
        self[name] != nil
    }

    /// Adds a field, keeping any that already has this name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}
