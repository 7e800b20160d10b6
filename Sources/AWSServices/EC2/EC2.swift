import AWSClient

/// Reads of Amazon EC2 and VPC resources, over the EC2 query protocol.
public struct EC2: Sendable {
    private let client: AWSClient
    static let version = "2016-11-15"

    /// EC2 through `client`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// A filter as EC2's Describe calls take it: a name (`vpc-id`, `tag:Name`) and accepted values.
    public struct Filter: Sendable, Equatable {
        /// The filter name.
        public var name: String
        /// The values, any of which matches.
        public var values: [String]

        /// A filter.
        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// Sends one call and returns the root element of its answer.
    func describe(_ action: String, parameters: [(String, String)]) async throws -> XML.Element {
        let request = OperationRequest.query(service: .ec2, action: action, version: Self.version, parameters: parameters)
        let response = try await client.send(request)
        return try client.xml(response, of: request)
    }

    /// Every item of a paginated Describe call: `items` picks them out of each page, and each page's
    /// `nextToken` is sent back until a page has none.
    func describeAll<Item>(_ action: String, parameters: [(String, String)], items: @escaping (XML.Element) -> [Item]) async throws -> [Item] {
        try await client.allPages(of: action, service: .ec2) { token in
            let root = try await describe(action, parameters: parameters + (token.map { [("NextToken", $0)] } ?? []))
            return (items(root), root.text(at: "nextToken"))
        }
    }

    /// Query parameters for ids (`VpcId.1`...) and filters (`Filter.1.Name`, `Filter.1.Value.1`...).
    static func parameters(idName: String, ids: [String], filters: [Filter]) -> [(String, String)] {
        var parameters = numbered(idName, ids)
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.name))
            parameters += numbered("Filter.\(index + 1).Value", filter.values)
        }
        return parameters
    }

    /// A list parameter as EC2 takes it, flattened: `name.1`, `name.2`...
    static func numbered(_ name: String, _ values: [String]) -> [(String, String)] {
        values.enumerated().map { index, value in ("\(name).\(index + 1)", value) }
    }

    /// Tags of an EC2 resource from its `tagSet`.
    static func tags(_ element: XML.Element) -> [String: String] {
        var tags: [String: String] = [:]
        for item in element.items(at: "tagSet") {
            if let key = item.text(at: "key") { tags[key] = item.text(at: "value") ?? "" }
        }
        return tags
    }
}

// EC2 answers wrap every list in `<...Set>` / `<...Info>` elements of `<item>`s, and write booleans and
// numbers as text; these read them without repeating the conversions in every model.
