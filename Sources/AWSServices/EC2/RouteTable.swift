import AWSClient

/// A route table as DescribeRouteTables reports it: its routes and the subnets or gateways it serves.
public struct RouteTable: Sendable, Equatable, Codable {
    /// The route table id, `rtb-...`.
    public var id: String
    /// The VPC it belongs to.
    public var vpcId: String
    /// The routes, the `local` route included.
    public var routes: [Route]
    /// The subnets and gateways it is associated with, and whether it is the VPC's main table.
    public var associations: [Association]
    /// The tags.
    public var tags: [String: String]

    /// Whether this is the VPC's main table, used by every subnet without a table of its own.
    public var isMain: Bool {
        associations.contains(where: \.main)
    }

    /// A link between the table and a subnet, an edge gateway, or the VPC as its main table.
    public struct Association: Sendable, Equatable, Codable {
        /// The association id, `rtbassoc-...`.
        public var id: String
        /// The subnet associated, for a subnet association.
        public var subnetId: String?
        /// The internet or virtual private gateway associated, for an edge association.
        public var gatewayId: String?
        /// Whether this is the main-table association of the VPC.
        public var main: Bool
        /// `associating`, `associated`, `disassociating`, `disassociated` or `failed`.
        public var state: String?
    }

    init(_ item: XML.Element) {
        id = item.text(at: "routeTableId") ?? ""
        vpcId = item.text(at: "vpcId") ?? ""
        routes = item.items(at: "routeSet").map(Route.init)
        associations = item.items(at: "associationSet").map {
            Association(
                id: $0.text(at: "routeTableAssociationId") ?? "", subnetId: $0.nonEmptyText(at: "subnetId"), gatewayId: $0.nonEmptyText(at: "gatewayId"),
                main: $0.bool(at: "main") ?? false, state: $0.nonEmptyText(at: "associationState/state")
            )
        }
        tags = EC2.tags(item)
    }
}

/// One route of a route table: a destination and the one target EC2 sends its traffic to.
public struct Route: Sendable, Equatable, Codable {
    /// The IPv4 destination, e.g. `0.0.0.0/0`.
    public var destinationCidrBlock: String?
    /// The IPv6 destination, e.g. `::/0`.
    public var destinationIpv6CidrBlock: String?
    /// The prefix list destination, `pl-...` (gateway endpoints add these).
    public var destinationPrefixListId: String?
    /// `local`, or an internet gateway (`igw-`), virtual private gateway (`vgw-`) or gateway load balancer
    /// endpoint (`vpce-`).
    public var gatewayId: String?
    /// The NAT gateway, `nat-...`.
    public var natGatewayId: String?
    /// The transit gateway, `tgw-...`.
    public var transitGatewayId: String?
    /// The VPC peering connection, `pcx-...`.
    public var vpcPeeringConnectionId: String?
    /// The network interface, `eni-...`; AWS also names it for routes to an instance.
    public var networkInterfaceId: String?
    /// The instance, `i-...`.
    public var instanceId: String?
    /// The egress-only internet gateway, `eigw-...` (IPv6).
    public var egressOnlyInternetGatewayId: String?
    /// The carrier gateway, `cagw-...` (Wavelength zones).
    public var carrierGatewayId: String?
    /// The local gateway, `lgw-...` (Outposts).
    public var localGatewayId: String?
    /// The AWS Cloud WAN core network, by ARN.
    public var coreNetworkArn: String?
    /// `active`, or `blackhole` when the target is gone (a deleted NAT gateway, a detached gateway).
    public var state: String
    /// `CreateRouteTable` (the `local` route), `CreateRoute`, or `EnableVgwRoutePropagation`.
    public var origin: String?

    /// What a route sends its traffic to, named for messages.
    public enum Target: Sendable, Equatable, CustomStringConvertible {
        /// Within the VPC.
        case local
        /// An internet gateway, `igw-...`.
        case internetGateway(String)
        /// A virtual private gateway, `vgw-...`.
        case virtualPrivateGateway(String)
        /// A gateway load balancer endpoint, `vpce-...`.
        case vpcEndpoint(String)
        /// A gateway id of a kind not listed here.
        case gateway(String)
        /// A NAT gateway, `nat-...`.
        case natGateway(String)
        /// A transit gateway, `tgw-...`.
        case transitGateway(String)
        /// A VPC peering connection, `pcx-...`.
        case vpcPeeringConnection(String)
        /// An instance, `i-...`.
        case instance(String)
        /// A network interface, `eni-...`.
        case networkInterface(String)
        /// An egress-only internet gateway, `eigw-...`.
        case egressOnlyInternetGateway(String)
        /// A carrier gateway, `cagw-...`.
        case carrierGateway(String)
        /// A local gateway, `lgw-...`.
        case localGateway(String)
        /// A Cloud WAN core network, by ARN.
        case coreNetwork(String)
        /// No target StackVerify knows of was reported.
        case unknown

        /// The kind and the id, e.g. `NAT gateway nat-0abc`.
        public var description: String {
            switch self {
            case .local: "local"
            case .internetGateway(let id): "internet gateway \(id)"
            case .virtualPrivateGateway(let id): "virtual private gateway \(id)"
            case .vpcEndpoint(let id): "VPC endpoint \(id)"
            case .gateway(let id): "gateway \(id)"
            case .natGateway(let id): "NAT gateway \(id)"
            case .transitGateway(let id): "transit gateway \(id)"
            case .vpcPeeringConnection(let id): "VPC peering connection \(id)"
            case .instance(let id): "instance \(id)"
            case .networkInterface(let id): "network interface \(id)"
            case .egressOnlyInternetGateway(let id): "egress-only internet gateway \(id)"
            case .carrierGateway(let id): "carrier gateway \(id)"
            case .localGateway(let id): "local gateway \(id)"
            case .coreNetwork(let arn): "core network \(arn)"
            case .unknown: "no known target"
            }
        }
    }

    /// The target of the route. A route to an instance also names the instance's network interface, so the
    /// instance is preferred over the interface.
    public var target: Target {
        if let gatewayId {
            if gatewayId == "local" { return .local }
            if gatewayId.hasPrefix("igw-") { return .internetGateway(gatewayId) }
            if gatewayId.hasPrefix("vgw-") { return .virtualPrivateGateway(gatewayId) }
            if gatewayId.hasPrefix("vpce-") { return .vpcEndpoint(gatewayId) }
            return .gateway(gatewayId)
        }
        if let natGatewayId { return .natGateway(natGatewayId) }
        if let transitGatewayId { return .transitGateway(transitGatewayId) }
        if let vpcPeeringConnectionId { return .vpcPeeringConnection(vpcPeeringConnectionId) }
        if let instanceId { return .instance(instanceId) }
        if let networkInterfaceId { return .networkInterface(networkInterfaceId) }
        if let egressOnlyInternetGatewayId { return .egressOnlyInternetGateway(egressOnlyInternetGatewayId) }
        if let carrierGatewayId { return .carrierGateway(carrierGatewayId) }
        if let localGatewayId { return .localGateway(localGatewayId) }
        if let coreNetworkArn { return .coreNetwork(coreNetworkArn) }
        return .unknown
    }

    /// The destination, whichever kind it is: IPv4 CIDR, IPv6 CIDR or prefix list.
    public var destination: String {
        destinationCidrBlock ?? destinationIpv6CidrBlock ?? destinationPrefixListId ?? ""
    }

    init(_ item: XML.Element) {
        destinationCidrBlock = item.nonEmptyText(at: "destinationCidrBlock")
        destinationIpv6CidrBlock = item.nonEmptyText(at: "destinationIpv6CidrBlock")
        destinationPrefixListId = item.nonEmptyText(at: "destinationPrefixListId")
        gatewayId = item.nonEmptyText(at: "gatewayId")
        natGatewayId = item.nonEmptyText(at: "natGatewayId")
        transitGatewayId = item.nonEmptyText(at: "transitGatewayId")
        vpcPeeringConnectionId = item.nonEmptyText(at: "vpcPeeringConnectionId")
        networkInterfaceId = item.nonEmptyText(at: "networkInterfaceId")
        instanceId = item.nonEmptyText(at: "instanceId")
        egressOnlyInternetGatewayId = item.nonEmptyText(at: "egressOnlyInternetGatewayId")
        carrierGatewayId = item.nonEmptyText(at: "carrierGatewayId")
        localGatewayId = item.nonEmptyText(at: "localGatewayId")
        coreNetworkArn = item.nonEmptyText(at: "coreNetworkArn")
        state = item.text(at: "state") ?? ""
        origin = item.nonEmptyText(at: "origin")
    }
}

extension EC2 {
    /// The route tables with these ids (all when empty) that pass every filter, every page walked.
    /// `association.subnet-id` finds the table of a subnet; `association.main` the VPC's main table.
    public func routeTables(ids: [String] = [], filters: [Filter] = []) async throws -> [RouteTable] {
        try await describeAll("DescribeRouteTables", parameters: Self.parameters(idName: "RouteTableId", ids: ids, filters: filters)) { root in
            root.items(at: "routeTableSet").map(RouteTable.init)
        }
    }
}
