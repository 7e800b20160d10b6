/// A policy attached to a resource (a bucket policy, a key policy) as the service returned it: the JSON text,
/// kept for reports, and the parsed document, for checks.
public struct ResourcePolicy: Sendable, Equatable, Codable {
    /// The policy exactly as the service returned it.
    public var text: String
    /// The parsed policy.
    public var document: PolicyDocument

    /// Parses `text`; `resource` names whose policy it is (`bucket policy of my-bucket`) for the error.
    public init(text: String, resource: String) throws(PolicyDocument.ParseError) {
        self.text = text
        self.document = try PolicyDocument(json: text, resource: resource)
    }
}
