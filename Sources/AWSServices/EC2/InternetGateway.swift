import AWSClient

/// An internet gateway as DescribeInternetGateways reports it.
public struct InternetGateway: Sendable, Equatable, Codable {
    /// The internet gateway id, `igw-...`.
    public var id: String
    /// The VPCs it is attached to: one at most.
    public var attachments: [Attachment]
    /// The tags.
    public var tags: [String: String]

    /// The attachment of an internet gateway to a VPC.
    public struct Attachment: Sendable, Equatable, Codable {
        /// The VPC.
        public var vpcId: String
        /// `available` once attached (AWS reports attached internet gateways so, not as `attached`),
        /// else `attaching`, `detaching` or `detached`.
        public var state: String
    }

    init(_ item: XML.Element) {
        id = item.text(at: "internetGatewayId") ?? ""
        attachments = item.items(at: "attachmentSet").map {
            Attachment(vpcId: $0.text(at: "vpcId") ?? "", state: $0.text(at: "state") ?? "")
        }
        tags = EC2.tags(item)
    }
}

extension EC2 {
    /// The internet gateways with these ids (all when empty) that pass every filter, every page walked.
    /// `attachment.vpc-id` finds the gateway of a VPC.
    public func internetGateways(ids: [String] = [], filters: [Filter] = []) async throws -> [InternetGateway] {
        try await describeAll("DescribeInternetGateways", parameters: Self.parameters(idName: "InternetGatewayId", ids: ids, filters: filters)) { root in
            root.items(at: "internetGatewaySet").map(InternetGateway.init)
        }
    }
}
