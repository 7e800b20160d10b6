import AWSClient
import AWSServices

/// EC2 and VPC reads, each made once.
extension LiveState {
    /// The single resource a by-id Describe call returns; `nil` when AWS says it does not exist.
    func single<Resource: Sendable>(_ key: String, _ describe: @escaping @Sendable () async throws -> [Resource]) async throws -> Resource? {
        try await read(key) {
            do {
                return try await describe().first
            } catch let error as AWSError where error.kind == .notFound || error.code?.hasSuffix(".Malformed") == true {
                // An id that cannot even be a resource's (an ARN where an id belongs) names nothing that exists.
                return nil
            }
        }
    }

    func vpc(_ id: String) async throws -> Vpc? {
        try await single("ec2:vpc:\(id)") { [ec2] in try await ec2.vpcs(ids: [id]) }
    }

    func vpcDNS(_ id: String) async throws -> Vpc.DnsAttributes {
        try await read("ec2:vpc-dns:\(id)") { [ec2] in try await ec2.vpcAttribute(vpcID: id) }
    }

    func subnet(_ id: String) async throws -> Subnet? {
        try await single("ec2:subnet:\(id)") { [ec2] in try await ec2.subnets(ids: [id]) }
    }

    func subnets(inVPC vpcID: String) async throws -> [Subnet] {
        try await read("ec2:subnets:vpc=\(vpcID)") { [ec2] in try await ec2.subnets(filters: [.init(name: "vpc-id", values: [vpcID])]) }
    }

    func routeTable(_ id: String) async throws -> RouteTable? {
        try await single("ec2:route-table:\(id)") { [ec2] in try await ec2.routeTables(ids: [id]) }
    }

    func routeTables(inVPC vpcID: String) async throws -> [RouteTable] {
        try await read("ec2:route-tables:vpc=\(vpcID)") { [ec2] in try await ec2.routeTables(filters: [.init(name: "vpc-id", values: [vpcID])]) }
    }

    /// The route table that governs `subnet`: its explicit association, else the VPC's main table.
    func routeTable(governing subnet: Subnet) async throws -> RouteTable? {
        let tables = try await routeTables(inVPC: subnet.vpcId)
        return tables.first { $0.associations.contains { $0.subnetId == subnet.id } } ?? tables.first(where: \.isMain)
    }

    func natGateway(_ id: String) async throws -> NatGateway? {
        try await single("ec2:nat-gateway:\(id)") { [ec2] in try await ec2.natGateways(ids: [id]) }
    }

    func internetGateway(_ id: String) async throws -> InternetGateway? {
        try await single("ec2:internet-gateway:\(id)") { [ec2] in try await ec2.internetGateways(ids: [id]) }
    }

    func internetGateways(attachedTo vpcID: String) async throws -> [InternetGateway] {
        try await read("ec2:internet-gateways:vpc=\(vpcID)") { [ec2] in
            try await ec2.internetGateways(filters: [.init(name: "attachment.vpc-id", values: [vpcID])])
        }
    }

    func networkAcl(_ id: String) async throws -> NetworkAcl? {
        try await single("ec2:network-acl:\(id)") { [ec2] in try await ec2.networkAcls(ids: [id]) }
    }

    func networkAcls(inVPC vpcID: String) async throws -> [NetworkAcl] {
        try await read("ec2:network-acls:vpc=\(vpcID)") { [ec2] in try await ec2.networkAcls(filters: [.init(name: "vpc-id", values: [vpcID])]) }
    }

    func securityGroup(_ id: String) async throws -> SecurityGroup? {
        try await single("ec2:security-group:\(id)") { [ec2] in try await ec2.securityGroups(ids: [id]) }
    }

    func flowLog(_ id: String) async throws -> FlowLog? {
        try await single("ec2:flow-log:\(id)") { [ec2] in try await ec2.flowLogs(ids: [id]) }
    }

    func flowLogs(forResource resourceID: String) async throws -> [FlowLog] {
        try await read("ec2:flow-logs:resource=\(resourceID)") { [ec2] in
            try await ec2.flowLogs(filters: [.init(name: "resource-id", values: [resourceID])])
        }
    }

    func vpcEndpoint(_ id: String) async throws -> VpcEndpoint? {
        try await single("ec2:vpc-endpoint:\(id)") { [ec2] in try await ec2.vpcEndpoints(ids: [id]) }
    }

    func vpcEndpoints(inVPC vpcID: String) async throws -> [VpcEndpoint] {
        try await read("ec2:vpc-endpoints:vpc=\(vpcID)") { [ec2] in try await ec2.vpcEndpoints(filters: [.init(name: "vpc-id", values: [vpcID])]) }
    }

    func elasticIP(_ allocationID: String) async throws -> ElasticIP? {
        try await single("ec2:address:\(allocationID)") { [ec2] in try await ec2.addresses(ids: [allocationID]) }
    }
}

extension LiveState {
    /// The subnets with these ids that exist, in order.
    func subnets(_ ids: [String]) async throws -> [Subnet] {
        var found: [Subnet] = []
        for id in ids {
            if let subnet = try await subnet(id) { found.append(subnet) }
        }
        return found
    }
}
