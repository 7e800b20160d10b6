import AWSClient

/// A VPC as DescribeVpcs reports it.
public struct Vpc: Sendable, Equatable, Codable {
    /// The VPC id, `vpc-...`.
    public var id: String
    /// The primary IPv4 CIDR block.
    public var cidrBlock: String
    /// Every IPv4 CIDR block of the VPC, the primary one first as AWS lists it, then the secondary ones.
    public var cidrBlockAssociations: [CidrBlockAssociation]
    /// The IPv6 CIDR blocks, when the VPC has any.
    public var ipv6CidrBlockAssociations: [CidrBlockAssociation]
    /// `available` or `pending`.
    public var state: String
    /// Whether this is the account's default VPC.
    public var isDefault: Bool
    /// `default`, `dedicated` or `host`: where instances launched into it run.
    public var instanceTenancy: String?
    /// The DHCP options set in use, `dopt-...`.
    public var dhcpOptionsId: String?
    /// The tags.
    public var tags: [String: String]

    /// A CIDR block associated with the VPC.
    public struct CidrBlockAssociation: Sendable, Equatable, Codable {
        /// The association id, `vpc-cidr-assoc-...`.
        public var associationId: String
        /// The block, IPv4 or IPv6.
        public var cidrBlock: String
        /// `associated`, `associating`, `disassociating`, `disassociated`, `failing` or `failed`.
        public var state: String?
    }

    init(_ item: XML.Element) {
        id = item.text(at: "vpcId") ?? ""
        cidrBlock = item.text(at: "cidrBlock") ?? ""
        cidrBlockAssociations = item.items(at: "cidrBlockAssociationSet").map {
            CidrBlockAssociation(associationId: $0.text(at: "associationId") ?? "", cidrBlock: $0.text(at: "cidrBlock") ?? "", state: $0.nonEmptyText(at: "cidrBlockState/state"))
        }
        ipv6CidrBlockAssociations = item.items(at: "ipv6CidrBlockAssociationSet").map {
            CidrBlockAssociation(associationId: $0.text(at: "associationId") ?? "", cidrBlock: $0.text(at: "ipv6CidrBlock") ?? "", state: $0.nonEmptyText(at: "ipv6CidrBlockState/state"))
        }
        state = item.text(at: "state") ?? ""
        isDefault = item.bool(at: "isDefault") ?? false
        instanceTenancy = item.nonEmptyText(at: "instanceTenancy")
        dhcpOptionsId = item.nonEmptyText(at: "dhcpOptionsId")
        tags = EC2.tags(item)
    }

    /// The DNS settings of a VPC, which DescribeVpcs does not report: DescribeVpcAttribute gives them one at a time.
    public struct DnsAttributes: Sendable, Equatable, Codable {
        /// Whether the Amazon-provided DNS server resolves names in the VPC (`enableDnsSupport`).
        public var enableDnsSupport: Bool
        /// Whether instances with public addresses get public DNS host names (`enableDnsHostnames`).
        public var enableDnsHostnames: Bool
    }
}

extension EC2 {
    /// The VPCs with these ids (all when empty) that pass every filter, every page walked.
    public func vpcs(ids: [String] = [], filters: [Filter] = []) async throws -> [Vpc] {
        try await describeAll("DescribeVpcs", parameters: Self.parameters(idName: "VpcId", ids: ids, filters: filters)) { root in
            root.items(at: "vpcSet").map(Vpc.init)
        }
    }

    /// Whether DNS support and DNS host names are on in the VPC: two DescribeVpcAttribute calls, since EC2
    /// answers one attribute per call.
    public func vpcAttribute(vpcID: String) async throws -> Vpc.DnsAttributes {
        Vpc.DnsAttributes(
            enableDnsSupport: try await vpcAttribute("enableDnsSupport", vpcID: vpcID),
            enableDnsHostnames: try await vpcAttribute("enableDnsHostnames", vpcID: vpcID)
        )
    }

    /// One boolean attribute of a VPC; an answer without it is malformed rather than `false`.
    private func vpcAttribute(_ attribute: String, vpcID: String) async throws -> Bool {
        let root = try await describe("DescribeVpcAttribute", parameters: [("Attribute", attribute), ("VpcId", vpcID)])
        guard let value = root.bool(at: "\(attribute)/value") else {
            throw AWSError(
                kind: .malformedResponse, service: .ec2, operation: "DescribeVpcAttribute",
                message: "the answer for \(vpcID) has no \(attribute)/value true or false", requestID: root.nonEmptyText(at: "requestId")
            )
        }
        return value
    }
}
