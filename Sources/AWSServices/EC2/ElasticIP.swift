import AWSClient

/// An Elastic IP address as DescribeAddresses reports it.
public struct ElasticIP: Sendable, Equatable, Codable {
    /// The allocation id, `eipalloc-...`.
    public var allocationId: String?
    /// The public IPv4 address.
    public var publicIp: String
    /// `vpc` (or `standard` for EC2-Classic addresses).
    public var domain: String?
    /// The association id, `eipassoc-...`, while the address is in use.
    public var associationId: String?
    /// The network interface the address is on, e.g. a NAT gateway's.
    public var networkInterfaceId: String?
    /// The private address it maps to.
    public var privateIpAddress: String?
    /// The instance it is on.
    public var instanceId: String?
    /// The tags.
    public var tags: [String: String]

    init(_ item: XML.Element) {
        allocationId = item.nonEmptyText(at: "allocationId")
        publicIp = item.text(at: "publicIp") ?? ""
        domain = item.nonEmptyText(at: "domain")
        associationId = item.nonEmptyText(at: "associationId")
        networkInterfaceId = item.nonEmptyText(at: "networkInterfaceId")
        privateIpAddress = item.nonEmptyText(at: "privateIpAddress")
        instanceId = item.nonEmptyText(at: "instanceId")
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The Elastic IPs with these allocation ids (all when empty) that pass every filter. DescribeAddresses
    /// answers in one page.
    public func addresses(ids: [String] = [], filters: [Filter] = []) async throws -> [ElasticIP] {
        let root = try await describe("DescribeAddresses", parameters: Self.parameters(idName: "AllocationId", ids: ids, filters: filters))
        return root.items(at: "addressesSet").map(ElasticIP.init)
    }
}
