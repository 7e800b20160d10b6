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

    /// Sends one page of a Describe call and returns its root element and the next token.
    func describePage(_ action: String, parameters: [(String, String)], token: String?) async throws -> (XML.Element, String?) {
        var parameters = parameters
        if let token { parameters.append(("NextToken", token)) }
        let request = OperationRequest.query(service: .ec2, action: action, version: Self.version, parameters: parameters)
        let response = try await client.send(request)
        let root = try client.xml(response, of: request)
        return (root, root.text(at: "nextToken"))
    }

    /// Every item of a paginated Describe call: `items` picks them out of each page.
    func describeAll<Item>(_ action: String, parameters: [(String, String)], items: @escaping (XML.Element) -> [Item]) async throws -> [Item] {
        try await client.allPages(of: action, service: .ec2) { token in
            let (root, next) = try await describePage(action, parameters: parameters, token: token)
            return (items(root), next)
        }
    }

    /// Query parameters for ids (`VpcId.1`...) and filters (`Filter.1.Name`, `Filter.1.Value.1`...).
    static func parameters(idName: String, ids: [String], filters: [Filter]) -> [(String, String)] {
        var parameters: [(String, String)] = []
        for (index, id) in ids.enumerated() {
            parameters.append(("\(idName).\(index + 1)", id))
        }
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.name))
            for (valueIndex, value) in filter.values.enumerated() {
                parameters.append(("Filter.\(index + 1).Value.\(valueIndex + 1)", value))
            }
        }
        return parameters
    }

    /// Tags of an EC2 resource from its `tagSet`.
    static func tags(_ element: XML.Element) -> [String: String] {
        var tags: [String: String] = [:]
        for item in element.element(at: "tagSet")?.children("item") ?? [] {
            if let key = item.text(at: "key") { tags[key] = item.text(at: "value") ?? "" }
        }
        return tags
    }
}
