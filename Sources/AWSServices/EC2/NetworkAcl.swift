import AWSClient

/// A network ACL as DescribeNetworkAcls reports it: its rules and the subnets it guards.
public struct NetworkAcl: Sendable, Equatable, Codable {
    /// The network ACL id, `acl-...`.
    public var id: String
    /// The VPC it belongs to.
    public var vpcId: String
    /// Whether this is the VPC's default ACL, which guards every subnet not associated with another.
    public var isDefault: Bool
    /// The rules, inbound and outbound, the catch-all deny (rule 32767) included.
    public var entries: [Entry]
    /// The subnets it guards.
    public var associations: [Association]
    /// The tags.
    public var tags: [String: String]

    /// One rule. Rules are evaluated in ascending `ruleNumber`, separately for each direction; the first
    /// match decides.
    public struct Entry: Sendable, Equatable, Codable {
        /// The rule's number, 1 to 32766, or 32767 for the catch-all.
        public var ruleNumber: Int
        /// The IP protocol number as text: `-1` for all, `6` TCP, `17` UDP, `1` ICMP.
        public var `protocol`: String
        /// `allow` or `deny`.
        public var ruleAction: String
        /// Whether the rule applies to outbound traffic (else inbound).
        public var egress: Bool
        /// The IPv4 range matched.
        public var cidrBlock: String?
        /// The IPv6 range matched.
        public var ipv6CidrBlock: String?
        /// The ports matched, for TCP and UDP.
        public var portRange: PortRange?
        /// The ICMP type and code matched, for ICMP.
        public var icmpTypeCode: IcmpTypeCode?
    }

    /// A range of ports, both ends included.
    public struct PortRange: Sendable, Equatable, Codable {
        /// The first port.
        public var from: Int?
        /// The last port.
        public var to: Int?
    }

    /// An ICMP type and code; `-1` means all.
    public struct IcmpTypeCode: Sendable, Equatable, Codable {
        /// The ICMP type.
        public var type: Int?
        /// The ICMP code.
        public var code: Int?
    }

    /// The association of the ACL with a subnet.
    public struct Association: Sendable, Equatable, Codable {
        /// The association id, `aclassoc-...`.
        public var id: String
        /// The subnet.
        public var subnetId: String
    }

    init(_ item: XML.Element) {
        id = item.text(at: "networkAclId") ?? ""
        vpcId = item.text(at: "vpcId") ?? ""
        isDefault = item.bool(at: "default") ?? false
        entries = item.items(at: "entrySet").map { entry in
            Entry(
                ruleNumber: entry.int(at: "ruleNumber") ?? 0, protocol: entry.text(at: "protocol") ?? "",
                ruleAction: entry.text(at: "ruleAction") ?? "", egress: entry.bool(at: "egress") ?? false,
                cidrBlock: entry.nonEmptyText(at: "cidrBlock"), ipv6CidrBlock: entry.nonEmptyText(at: "ipv6CidrBlock"),
                portRange: entry.element(at: "portRange").map { PortRange(from: $0.int(at: "from"), to: $0.int(at: "to")) },
                icmpTypeCode: entry.element(at: "icmpTypeCode").map { IcmpTypeCode(type: $0.int(at: "type"), code: $0.int(at: "code")) }
            )
        }
        associations = item.items(at: "associationSet").map {
            Association(id: $0.text(at: "networkAclAssociationId") ?? "", subnetId: $0.text(at: "subnetId") ?? "")
        }
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The network ACLs with these ids (all when empty) that pass every filter, every page walked.
    /// `association.subnet-id` finds the ACL of a subnet.
    public func networkAcls(ids: [String] = [], filters: [Filter] = []) async throws -> [NetworkAcl] {
        try await describeAll("DescribeNetworkAcls", parameters: Self.parameters(idName: "NetworkAclId", ids: ids, filters: filters)) { root in
            root.items(at: "networkAclSet").map(NetworkAcl.init)
        }
    }
}
