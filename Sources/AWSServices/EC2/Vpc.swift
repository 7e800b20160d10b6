import AWSClient

/// A VPC as DescribeVpcs reports it.
public struct Vpc: Sendable, Equatable, Codable {
    /// The VPC id, `vpc-...`.
    public var id: String
    /// The primary IPv4 CIDR block.
    public var cidrBlock: String
    /// `available` or `pending`.
    public var state: String
    /// Whether this is the account's default VPC.
    public var isDefault: Bool
    /// The tags.
    public var tags: [String: String]

    init(_ item: XML.Element) {
        id = item.text(at: "vpcId") ?? ""
        cidrBlock = item.text(at: "cidrBlock") ?? ""
        state = item.text(at: "state") ?? ""
        isDefault = item.text(at: "isDefault") == "true"
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The VPCs with these ids (all when empty) that pass every filter, every page walked.
    public func vpcs(ids: [String] = [], filters: [Filter] = []) async throws -> [Vpc] {
        try await describeAll("DescribeVpcs", parameters: Self.parameters(idName: "VpcId", ids: ids, filters: filters)) { root in
            root.element(at: "vpcSet")?.children("item").map(Vpc.init) ?? []
        }
    }
}
