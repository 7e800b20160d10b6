import AWSClient

/// A security group as DescribeSecurityGroups reports it: its inbound and outbound rules.
public struct SecurityGroup: Sendable, Equatable, Codable {
    /// The group id, `sg-...`.
    public var id: String
    /// The group name, unique within its VPC.
    public var name: String
    /// The description given when it was created.
    public var description: String
    /// The VPC it belongs to.
    public var vpcId: String?
    /// The account that owns it.
    public var ownerId: String?
    /// The inbound rules.
    public var ingress: [Permission]
    /// The outbound rules; a new group allows all outbound traffic until its rule is removed.
    public var egress: [Permission]
    /// The tags.
    public var tags: [String: String]

    /// Traffic a group allows: a protocol, a port range, and the sources (inbound) or destinations (outbound).
    public struct Permission: Sendable, Equatable, Codable {
        /// `tcp`, `udp`, `icmp`, `icmpv6`, a protocol number, or `-1` for all protocols and ports.
        public var ipProtocol: String
        /// The first port (for ICMP, the type); absent for all protocols.
        public var fromPort: Int?
        /// The last port (for ICMP, the code); absent for all protocols.
        public var toPort: Int?
        /// IPv4 ranges allowed.
        public var ipv4Ranges: [AddressRange]
        /// IPv6 ranges allowed.
        public var ipv6Ranges: [AddressRange]
        /// Prefix lists allowed, e.g. an S3 gateway endpoint's.
        public var prefixListIds: [PrefixListReference]
        /// Security groups allowed.
        public var userIdGroupPairs: [GroupReference]

        init(_ item: XML.Element) {
            ipProtocol = item.text(at: "ipProtocol") ?? ""
            fromPort = item.int(at: "fromPort")
            toPort = item.int(at: "toPort")
            ipv4Ranges = item.items(at: "ipRanges").map { AddressRange(cidr: $0.text(at: "cidrIp") ?? "", description: $0.nonEmptyText(at: "description")) }
            ipv6Ranges = item.items(at: "ipv6Ranges").map { AddressRange(cidr: $0.text(at: "cidrIpv6") ?? "", description: $0.nonEmptyText(at: "description")) }
            prefixListIds = item.items(at: "prefixListIds").map { PrefixListReference(id: $0.text(at: "prefixListId") ?? "", description: $0.nonEmptyText(at: "description")) }
            userIdGroupPairs = item.items(at: "groups").map {
                GroupReference(groupId: $0.nonEmptyText(at: "groupId"), userId: $0.nonEmptyText(at: "userId"), groupName: $0.nonEmptyText(at: "groupName"), description: $0.nonEmptyText(at: "description"))
            }
        }
    }

    /// A CIDR range in a rule, IPv4 or IPv6.
    public struct AddressRange: Sendable, Equatable, Codable {
        /// The range, e.g. `10.0.0.0/16` or `::/0`.
        public var cidr: String
        /// The rule's description.
        public var description: String?
    }

    /// A prefix list in a rule.
    public struct PrefixListReference: Sendable, Equatable, Codable {
        /// The prefix list id, `pl-...`.
        public var id: String
        /// The rule's description.
        public var description: String?
    }

    /// Another security group in a rule, possibly of another account.
    public struct GroupReference: Sendable, Equatable, Codable {
        /// The group id, `sg-...`.
        public var groupId: String?
        /// The account owning that group.
        public var userId: String?
        /// The group name, reported for default-VPC and EC2-Classic groups.
        public var groupName: String?
        /// The rule's description.
        public var description: String?
    }

    init(_ item: XML.Element) {
        id = item.text(at: "groupId") ?? ""
        name = item.text(at: "groupName") ?? ""
        description = item.text(at: "groupDescription") ?? ""
        vpcId = item.nonEmptyText(at: "vpcId")
        ownerId = item.nonEmptyText(at: "ownerId")
        ingress = item.items(at: "ipPermissions").map(Permission.init)
        egress = item.items(at: "ipPermissionsEgress").map(Permission.init)
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The security groups with these ids (all when empty) that pass every filter, every page walked.
    /// `group-name` and `vpc-id` find a group by name.
    public func securityGroups(ids: [String] = [], filters: [Filter] = []) async throws -> [SecurityGroup] {
        try await describeAll("DescribeSecurityGroups", parameters: Self.parameters(idName: "GroupId", ids: ids, filters: filters)) { root in
            root.items(at: "securityGroupInfo").map(SecurityGroup.init)
        }
    }
}
