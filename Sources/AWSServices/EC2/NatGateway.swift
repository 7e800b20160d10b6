import AWSClient

/// A NAT gateway as DescribeNatGateways reports it.
public struct NatGateway: Sendable, Equatable, Codable {
    /// The NAT gateway id, `nat-...`.
    public var id: String
    /// The VPC it serves.
    public var vpcId: String
    /// The subnet it sits in; for a public NAT gateway, a public subnet.
    public var subnetId: String
    /// `pending`, `failed`, `available`, `deleting` or `deleted`.
    public var state: String
    /// `public` (through an internet gateway, with an Elastic IP) or `private`.
    public var connectivityType: String?
    /// Its addresses; a public NAT gateway has an Elastic IP on its primary one.
    public var addresses: [Address]
    /// Why it failed, e.g. `Gateway.NotAttached`, when `state` is `failed`.
    public var failureCode: String?
    /// The failure in words.
    public var failureMessage: String?
    /// The tags.
    public var tags: [String: String]

    /// One address of a NAT gateway.
    public struct Address: Sendable, Equatable, Codable {
        /// The Elastic IP's allocation id, `eipalloc-...`, for a public address.
        public var allocationId: String?
        /// The network interface carrying the address, `eni-...`.
        public var networkInterfaceId: String?
        /// The private IPv4 address.
        public var privateIp: String?
        /// The public (Elastic) IPv4 address.
        public var publicIp: String?
        /// The Elastic IP's association id, `eipassoc-...`.
        public var associationId: String?
        /// Whether this is the gateway's primary address.
        public var isPrimary: Bool?
        /// `assigning`, `unassigning`, `associating`, `disassociating`, `succeeded` or `failed`.
        public var status: String?
    }

    init(_ item: XML.Element) {
        id = item.text(at: "natGatewayId") ?? ""
        vpcId = item.text(at: "vpcId") ?? ""
        subnetId = item.text(at: "subnetId") ?? ""
        state = item.text(at: "state") ?? ""
        connectivityType = item.nonEmptyText(at: "connectivityType")
        addresses = item.items(at: "natGatewayAddressSet").map {
            Address(
                allocationId: $0.nonEmptyText(at: "allocationId"), networkInterfaceId: $0.nonEmptyText(at: "networkInterfaceId"),
                privateIp: $0.nonEmptyText(at: "privateIp"), publicIp: $0.nonEmptyText(at: "publicIp"), associationId: $0.nonEmptyText(at: "associationId"),
                isPrimary: $0.bool(at: "isPrimary"), status: $0.nonEmptyText(at: "status")
            )
        }
        failureCode = item.nonEmptyText(at: "failureCode")
        failureMessage = item.nonEmptyText(at: "failureMessage")
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The NAT gateways with these ids (all when empty) that pass every filter, every page walked.
    ///
    /// The filters are applied by EC2. The emulator (moto 5.2.1) applies only `nat-gateway-id`, `vpc-id`,
    /// `subnet-id` and `state` and ignores every other one, `tag:` filters included, so there a tag filter
    /// returns gateways it should not: find NAT gateways by VPC or subnet, then read their `tags`.
    public func natGateways(ids: [String] = [], filters: [Filter] = []) async throws -> [NatGateway] {
        try await describeAll("DescribeNatGateways", parameters: Self.parameters(idName: "NatGatewayId", ids: ids, filters: filters)) { root in
            root.items(at: "natGatewaySet").map(NatGateway.init)
        }
    }
}
