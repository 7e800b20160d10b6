import AWSClient

/// A VPC endpoint as DescribeVpcEndpoints reports it.
public struct VpcEndpoint: Sendable, Equatable, Codable {
    /// The endpoint id, `vpce-...`.
    public var id: String
    /// The VPC it serves.
    public var vpcId: String
    /// The service reached, e.g. `com.amazonaws.us-east-1.s3`.
    public var serviceName: String
    /// `Gateway`, `Interface`, `GatewayLoadBalancer`, `Resource` or `ServiceNetwork`.
    public var type: String
    /// `PendingAcceptance`, `Pending`, `Available`, `Deleting`, `Deleted`, `Rejected`, `Failed` or `Expired`;
    /// AWS's documentation and answers differ in case, so compare without it.
    public var state: String
    /// Whether the service's public DNS name resolves to the endpoint inside the VPC (interface endpoints).
    public var privateDnsEnabled: Bool?
    /// The subnets holding its network interfaces (interface endpoints).
    public var subnetIds: [String]
    /// The route tables it adds routes to (gateway endpoints).
    public var routeTableIds: [String]
    /// The security groups of its network interfaces (interface endpoints).
    public var securityGroupIds: [String]
    /// The network interfaces (interface endpoints).
    public var networkInterfaceIds: [String]
    /// The endpoint policy as a JSON document.
    public var policyDocument: String?
    /// The DNS names of the endpoint (interface endpoints).
    public var dnsEntries: [DnsEntry]
    /// The tags.
    public var tags: [String: String]

    /// A DNS name of an interface endpoint.
    public struct DnsEntry: Sendable, Equatable, Codable {
        /// The name, e.g. `vpce-0abc-12345678.api.ecr.us-east-1.vpce.amazonaws.com`.
        public var dnsName: String
        /// The Route 53 hosted zone holding it.
        public var hostedZoneId: String?
    }

    init(_ item: XML.Element) {
        id = item.text(at: "vpcEndpointId") ?? ""
        vpcId = item.text(at: "vpcId") ?? ""
        serviceName = item.text(at: "serviceName") ?? ""
        type = item.text(at: "vpcEndpointType") ?? ""
        state = item.text(at: "state") ?? ""
        privateDnsEnabled = item.bool(at: "privateDnsEnabled")
        subnetIds = item.items(at: "subnetIdSet").map(\.text)
        routeTableIds = item.items(at: "routeTableIdSet").map(\.text)
        securityGroupIds = item.items(at: "groupSet").compactMap { $0.nonEmptyText(at: "groupId") }
        networkInterfaceIds = item.items(at: "networkInterfaceIdSet").map(\.text)
        policyDocument = item.nonEmptyText(at: "policyDocument").map(Self.jsonDocument)
        dnsEntries = item.items(at: "dnsEntrySet").map { DnsEntry(dnsName: $0.text(at: "dnsName") ?? "", hostedZoneId: $0.nonEmptyText(at: "hostedZoneId")) }
        tags = EC2.tags(item)
    }

    /// The policy as JSON. EC2 answers with plain JSON; a percent-encoded document, the way IAM answers with
    /// policies, is decoded so that checks always get JSON. Anything else is kept as sent.
    static func jsonDocument(_ text: String) -> String {
        text.uppercased().hasPrefix("%7B") ? PercentEncoding.decode(text) : text
    }
}

extension EC2 {
    /// The VPC endpoints with these ids (all when empty) that pass every filter, every page walked.
    /// `vpc-id` and `service-name` find the endpoint of a service.
    public func vpcEndpoints(ids: [String] = [], filters: [Filter] = []) async throws -> [VpcEndpoint] {
        try await describeAll("DescribeVpcEndpoints", parameters: Self.parameters(idName: "VpcEndpointId", ids: ids, filters: filters)) { root in
            root.items(at: "vpcEndpointSet").map(VpcEndpoint.init)
        }
    }
}
