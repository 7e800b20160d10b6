import AWSClient

/// A subnet as DescribeSubnets reports it.
public struct Subnet: Sendable, Equatable, Codable {
    /// The subnet id, `subnet-...`.
    public var id: String
    /// The VPC it belongs to.
    public var vpcId: String
    /// Its IPv4 CIDR block; absent for IPv6-only subnets.
    public var cidrBlock: String?
    /// The zone name, e.g. `us-east-1a`, which differs between accounts for the same place.
    public var availabilityZone: String
    /// The zone id, e.g. `use1-az1`, the same in every account.
    public var availabilityZoneId: String?
    /// Whether instances launched here get a public IPv4 address: what makes a subnet "public" in practice,
    /// together with a route to an internet gateway.
    public var mapPublicIpOnLaunch: Bool
    /// `pending`, `available`, `unavailable`, `failed-insufficient-capacity` or `failed`.
    public var state: String
    /// How many IPv4 addresses are still free.
    public var availableIpAddressCount: Int?
    /// Whether this is its zone's default subnet.
    public var defaultForAz: Bool
    /// The tags.
    public var tags: [String: String]

    init(_ item: XML.Element) {
        id = item.text(at: "subnetId") ?? ""
        vpcId = item.text(at: "vpcId") ?? ""
        cidrBlock = item.nonEmptyText(at: "cidrBlock")
        availabilityZone = item.text(at: "availabilityZone") ?? ""
        availabilityZoneId = item.nonEmptyText(at: "availabilityZoneId")
        mapPublicIpOnLaunch = item.bool(at: "mapPublicIpOnLaunch") ?? false
        state = item.text(at: "state") ?? ""
        availableIpAddressCount = item.int(at: "availableIpAddressCount")
        defaultForAz = item.bool(at: "defaultForAz") ?? false
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The subnets with these ids (all when empty) that pass every filter, every page walked.
    public func subnets(ids: [String] = [], filters: [Filter] = []) async throws -> [Subnet] {
        try await describeAll("DescribeSubnets", parameters: Self.parameters(idName: "SubnetId", ids: ids, filters: filters)) { root in
            root.items(at: "subnetSet").map(Subnet.init)
        }
    }
}
