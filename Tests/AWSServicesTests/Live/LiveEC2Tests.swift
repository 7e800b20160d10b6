import AWSClient
import AWSServices
import Foundation
import Testing

/// Every EC2/VPC read, decoded from the emulator's answers about the `banking` fixture stack, as the
/// read-only identity with signature checking on. The resources are found from the deploy's outputs file.
@Suite(
    "live: EC2 reads decode the banking stack",
    .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason),
    .enabled(if: FixtureOutputs.banking.isAvailable, FixtureOutputs.banking.skipReason)
)
struct LiveEC2Tests {
    let ec2: EC2
    let outputs = FixtureOutputs.banking

    init() throws {
        ec2 = EC2(client: try LiveEmulator.client())
    }

    /// Filters to the stack's VPC.
    var inVpc: [EC2.Filter] {
        get throws { [.init(name: "vpc-id", values: [try outputs.string("vpc_id")])] }
    }

    @Test("the VPC has the stack's CIDR, and DNS support and host names on")
    func vpc() async throws {
        let vpcId = try outputs.string("vpc_id")
        let vpc = try #require(try await ec2.vpcs(ids: [vpcId]).first)
        #expect(vpc.id == vpcId)
        #expect(vpc.cidrBlock == "10.50.0.0/16")
        #expect(vpc.cidrBlock == (try outputs.string("vpc_cidr_block")))
        #expect(vpc.cidrBlockAssociations.map(\.cidrBlock) == ["10.50.0.0/16"])
        #expect(vpc.state == "available")
        #expect(!vpc.isDefault)
        #expect(vpc.tags["Name"] == outputs.name("vpc"))
        let attributes = try await ec2.vpcAttribute(vpcID: vpcId)
        #expect(attributes.enableDnsSupport)
        #expect(attributes.enableDnsHostnames)
    }

    @Test("nine subnets, three tiers over three zones; only the public tier maps public IPs")
    func subnets() async throws {
        let subnets = try await ec2.subnets(filters: try inVpc)
        #expect(subnets.count == 9)
        for (tier, firstOctet) in [("public", 0), ("private", 10), ("database", 20)] {
            let ids = try outputs.strings("\(tier)_subnet_ids")
            let tierSubnets = ids.compactMap { id in subnets.first { $0.id == id } }
            #expect(tierSubnets.count == 3, "\(tier) subnets")
            #expect(tierSubnets.map(\.cidrBlock) == (0..<3).map { "10.50.\(firstOctet + $0).0/24" }, "\(tier) CIDRs")
            #expect(Set(tierSubnets.map(\.availabilityZone)).count == 3, "\(tier) subnets spread over three zones")
            #expect(tierSubnets.allSatisfy { $0.mapPublicIpOnLaunch == (tier == "public") }, "\(tier) mapPublicIpOnLaunch")
            #expect(tierSubnets.allSatisfy { $0.state == "available" && $0.vpcId == (try? outputs.string("vpc_id")) && !$0.defaultForAz })
            #expect(tierSubnets.allSatisfy { $0.availabilityZoneId != nil && ($0.availableIpAddressCount ?? 0) > 0 })
            #expect(tierSubnets.map { $0.tags["Name"] } == (1...3).map { outputs.name("\(tier)-subnet-\($0)") })
        }
        let byId = try await ec2.subnets(ids: try outputs.strings("private_subnet_ids"))
        #expect(byId.map(\.id).sorted() == (try outputs.strings("private_subnet_ids")).sorted())
    }

    @Test("public tier routes 0.0.0.0/0 to the internet gateway, private tier to the NAT, database tier nowhere")
    func routeTables() async throws {
        let tables = try await ec2.routeTables(filters: try inVpc)
        let table = { (key: String) throws -> RouteTable in
            let id = try outputs.string(key)
            return try #require(tables.first { $0.id == id }, "route table \(key)")
        }
        let defaultRoute = { (table: RouteTable) in table.routes.first { $0.destinationCidrBlock == "0.0.0.0/0" } }

        let publicTable = try table("public_route_table_id")
        #expect(defaultRoute(publicTable)?.target == .internetGateway(try outputs.string("internet_gateway_id")))
        #expect(defaultRoute(publicTable)?.state == "active")
        #expect(Set(publicTable.associations.compactMap(\.subnetId)) == Set(try outputs.strings("public_subnet_ids")))

        let privateTable = try table("private_route_table_id")
        #expect(defaultRoute(privateTable)?.target == .natGateway(try outputs.string("nat_gateway_id")))
        #expect(defaultRoute(privateTable)?.state == "active")
        #expect(Set(privateTable.associations.compactMap(\.subnetId)) == Set(try outputs.strings("private_subnet_ids")))
        let s3Route = try #require(privateTable.routes.first { $0.destinationPrefixListId != nil }, "the S3 endpoint's prefix-list route")
        #expect(s3Route.target == .vpcEndpoint(try outputs.string("s3_endpoint_id")))

        let databaseTable = try table("database_route_table_id")
        #expect(defaultRoute(databaseTable) == nil)
        #expect(Set(databaseTable.associations.compactMap(\.subnetId)) == Set(try outputs.strings("database_subnet_ids")))

        for stackTable in [publicTable, privateTable, databaseTable] {
            #expect(!stackTable.isMain)
            #expect(stackTable.routes.contains { $0.destinationCidrBlock == "10.50.0.0/16" && $0.target == .local && $0.origin == "CreateRouteTable" })
            #expect(stackTable.associations.allSatisfy { $0.state == "associated" })
        }
        #expect(tables.filter(\.isMain).count == 1, "the VPC has one main route table")
        #expect(tables.count == 4)
    }

    @Test("the NAT gateway sits in a public subnet with the stack's Elastic IP")
    func natGateway() async throws {
        let natId = try outputs.string("nat_gateway_id")
        let nat = try #require(try await ec2.natGateways(ids: [natId]).first)
        #expect(nat.id == natId)
        #expect(nat.vpcId == (try outputs.string("vpc_id")))
        #expect(try outputs.strings("public_subnet_ids").contains(nat.subnetId))
        #expect(nat.state == "available")
        #expect(nat.tags["Name"] == outputs.name("nat-gateway"))
        let address = try #require(nat.addresses.first)
        #expect(nat.addresses.count == 1)
        #expect(address.allocationId == (try outputs.string("nat_eip_allocation_id")))
        #expect(address.publicIp == (try outputs.string("nat_public_ip")))
        #expect(address.networkInterfaceId?.hasPrefix("eni-") == true)
        #expect(address.privateIp != nil)

        let inVpc = try await ec2.natGateways(filters: try inVpc + [.init(name: "state", values: ["available"])])
        #expect(inVpc.map(\.id) == [natId])
    }

    @Test("moto ignores tag: filters on DescribeNatGateways, where AWS applies them (docs/emulator.md)")
    func natGatewayTagFilterGap() async throws {
        let unnamed = try await ec2.natGateways(filters: [.init(name: "tag:Name", values: ["no-such-nat-gateway-\(UUID())"])])
        withKnownIssue("moto 5.2.1 filters NAT gateways only by nat-gateway-id, vpc-id, subnet-id and state") {
            #expect(unnamed.count == 0, "AWS finds no NAT gateway with a Name nobody gave")
        }
    }

    @Test("the internet gateway is attached to the VPC")
    func internetGateway() async throws {
        let igwId = try outputs.string("internet_gateway_id")
        let byAttachment = try await ec2.internetGateways(filters: [.init(name: "attachment.vpc-id", values: [try outputs.string("vpc_id")])])
        #expect(byAttachment.map(\.id) == [igwId])
        let igw = try #require(byAttachment.first)
        #expect(igw.attachments.map(\.vpcId) == [try outputs.string("vpc_id")])
        #expect(igw.attachments.map(\.state) == ["available"])
        #expect(igw.tags["Name"] == outputs.name("igw"))
    }

    @Test("the NAT's Elastic IP is a VPC address on the NAT's network interface")
    func elasticIP() async throws {
        let allocationId = try outputs.string("nat_eip_allocation_id")
        let address = try #require(try await ec2.addresses(ids: [allocationId]).first)
        #expect(address.allocationId == allocationId)
        #expect(address.publicIp == (try outputs.string("nat_public_ip")))
        #expect(address.domain == "vpc")
        #expect(address.associationId != nil)
        #expect(address.instanceId == nil)
        let nat = try #require(try await ec2.natGateways(ids: [try outputs.string("nat_gateway_id")]).first)
        #expect(address.networkInterfaceId == nat.addresses.first?.networkInterfaceId)
        #expect(address.tags["Name"] == outputs.name("nat-eip"))
    }

    @Test("the public and private NACLs hold the stack's rules and guard their tiers")
    func networkAcls() async throws {
        let acls = try await ec2.networkAcls(filters: try inVpc)
        #expect(acls.count == 3)
        #expect(acls.filter(\.isDefault).count == 1)

        let publicId = try outputs.string("public_network_acl_id")
        let publicAcl = try #require(acls.first { $0.id == publicId })
        #expect(!publicAcl.isDefault)
        #expect(Set(publicAcl.associations.map(\.subnetId)) == Set(try outputs.strings("public_subnet_ids")))
        let inbound = publicAcl.entries.filter { !$0.egress && $0.ruleNumber < 32767 }.sorted { $0.ruleNumber < $1.ruleNumber }
        #expect(inbound.map(\.ruleNumber) == [100, 110, 120, 130])
        #expect(inbound.map(\.protocol) == ["6", "6", "6", "-1"])
        #expect(inbound.allSatisfy { $0.ruleAction == "allow" })
        #expect(inbound.map(\.cidrBlock) == ["0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0", "10.50.0.0/16"])
        #expect(inbound.map { $0.portRange?.from } == [80, 443, 1024, nil])
        #expect(inbound.map { $0.portRange?.to } == [80, 443, 65535, nil])
        let outbound = publicAcl.entries.filter { $0.egress && $0.ruleNumber < 32767 }
        #expect(outbound.map { [String($0.ruleNumber), $0.protocol, $0.ruleAction, $0.cidrBlock] } == [["100", "-1", "allow", "0.0.0.0/0"]])

        let privateId = try outputs.string("private_network_acl_id")
        let privateAcl = try #require(acls.first { $0.id == privateId })
        #expect(Set(privateAcl.associations.map(\.subnetId)) == Set(try outputs.strings("private_subnet_ids") + outputs.strings("database_subnet_ids")))
        #expect(privateAcl.associations.allSatisfy { $0.id.hasPrefix("aclassoc-") })
        #expect(privateAcl.tags["Name"] == outputs.name("private-nacl"))
    }

    @Test("the ALB, ECS and endpoint security groups allow exactly the stack's traffic")
    func securityGroups() async throws {
        let albId = try outputs.string("alb_security_group_id")
        let ecsId = try outputs.string("ecs_security_group_id")
        let endpointId = try outputs.string("vpc_endpoint_security_group_id")
        let groups = try await ec2.securityGroups(ids: [albId, ecsId, endpointId])
        #expect(Set(groups.map(\.id)) == [albId, ecsId, endpointId])
        let group = { (id: String) throws -> SecurityGroup in try #require(groups.first { $0.id == id }) }

        let alb = try group(albId)
        #expect(alb.name == outputs.name("alb-sg"))
        #expect(alb.description == "ALB: HTTP(S) from the internet")
        #expect(alb.vpcId == (try outputs.string("vpc_id")))
        #expect(alb.ingress.map(\.ipProtocol) == ["tcp", "tcp"])
        #expect(Set(alb.ingress.compactMap(\.fromPort)) == [80, 443])
        #expect(alb.ingress.allSatisfy { $0.fromPort == $0.toPort && $0.ipv4Ranges.map(\.cidr) == ["0.0.0.0/0"] })
        #expect(alb.ingress.first { $0.fromPort == 443 }?.ipv4Ranges.first?.description == "HTTPS from the internet")

        let ecs = try group(ecsId)
        let fromAlb = try #require(ecs.ingress.first)
        #expect(ecs.ingress.count == 1)
        #expect([fromAlb.fromPort, fromAlb.toPort] == [8080, 8080])
        #expect(fromAlb.ipv4Ranges.isEmpty)
        #expect(fromAlb.userIdGroupPairs.map(\.groupId) == [albId])
        #expect(fromAlb.userIdGroupPairs.first?.description == "app port from the ALB")

        let endpoint = try group(endpointId)
        #expect(endpoint.ingress.map { [$0.ipProtocol, $0.fromPort.map(String.init), $0.toPort.map(String.init)] } == [["tcp", "443", "443"]])
        #expect(endpoint.ingress.first?.ipv4Ranges.map(\.cidr) == ["10.50.0.0/16"])

        for stackGroup in [alb, ecs, endpoint] {
            #expect(stackGroup.egress.map(\.ipProtocol) == ["-1"], "\(stackGroup.name) keeps the default allow-all egress")
            #expect(stackGroup.egress.first?.ipv4Ranges.map(\.cidr) == ["0.0.0.0/0"])
        }
        let byName = try await ec2.securityGroups(filters: try inVpc + [.init(name: "group-name", values: [outputs.name("ecs-sg")])])
        #expect(byName.map(\.id) == [ecsId])
    }

    @Test("the VPC flow log captures ALL traffic at a 600 s interval into the stack's bucket")
    func flowLog() async throws {
        let flowLogId = try outputs.string("flow_log_id")
        let byResource = try await ec2.flowLogs(filters: [.init(name: "resource-id", values: [try outputs.string("vpc_id")])])
        #expect(byResource.map(\.id) == [flowLogId])
        let log = try #require(try await ec2.flowLogs(ids: [flowLogId]).first)
        #expect(log.resourceId == (try outputs.string("vpc_id")))
        #expect(log.status == "ACTIVE")
        #expect(log.trafficType == "ALL")
        #expect(log.maxAggregationInterval == 600)
        #expect(log.logDestinationType == "s3")
        #expect(log.logDestination == "arn:aws:s3:::\(try outputs.string("flow_logs_bucket_name"))")
        #expect(log.logFormat?.hasPrefix("${version} ${account-id}") == true)
        #expect(log.deliverLogsStatus == "SUCCESS")
        #expect(log.tags["Name"] == outputs.name("flow-log"))
    }

    @Test("S3 is a gateway endpoint on the private route table; ECR endpoints are interfaces with private DNS and their own SG")
    func vpcEndpoints() async throws {
        let endpoints = try await ec2.vpcEndpoints(filters: try inVpc)
        #expect(endpoints.count == 3)
        let endpoint = { (key: String) throws -> VpcEndpoint in
            let id = try outputs.string(key)
            return try #require(endpoints.first { $0.id == id }, "endpoint \(key)")
        }

        let s3 = try endpoint("s3_endpoint_id")
        #expect(s3.type == "Gateway")
        #expect(s3.serviceName == "com.amazonaws.us-east-1.s3")
        #expect(s3.state.lowercased() == "available")
        #expect(s3.routeTableIds == [try outputs.string("private_route_table_id")])
        #expect(s3.securityGroupIds.isEmpty)
        let policy = try #require(s3.policyDocument)
        #expect((try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any])?["Statement"] != nil)

        for (key, service) in [("ecr_api_endpoint_id", "api"), ("ecr_dkr_endpoint_id", "dkr")] {
            let ecr = try endpoint(key)
            #expect(ecr.type == "Interface")
            #expect(ecr.serviceName == "com.amazonaws.us-east-1.ecr.\(service)")
            #expect(ecr.privateDnsEnabled == true)
            #expect(ecr.securityGroupIds == [try outputs.string("vpc_endpoint_security_group_id")])
            #expect(Set(ecr.subnetIds) == Set(try outputs.strings("private_subnet_ids")))
            #expect(!ecr.networkInterfaceIds.isEmpty)
            #expect(!ecr.dnsEntries.isEmpty)
            #expect(ecr.routeTableIds.isEmpty)
        }
    }

    @Test("the subnets' zones are available zones of the region, names and ids agreeing")
    func availabilityZones() async throws {
        let zones = try await ec2.availabilityZones()
        #expect(zones.count >= 3)
        #expect(zones.allSatisfy { $0.regionName == "us-east-1" && $0.state == "available" })
        for subnet in try await ec2.subnets(filters: try inVpc) {
            let zone = try #require(zones.first { $0.name == subnet.availabilityZone })
            #expect(zone.zoneId == subnet.availabilityZoneId)
        }
        let named = try await ec2.availabilityZones(names: ["us-east-1a"])
        #expect(named.map(\.name) == ["us-east-1a"])
        let byId = try await ec2.availabilityZones(ids: [try #require(named.first?.zoneId)])
        #expect(byId.map(\.name) == ["us-east-1a"])
    }

    /// A resource of the stack found by its `Name` tag.
    struct NamedResource: Sendable, CustomTestStringConvertible {
        var kind: String
        var name: String
        var id: @Sendable (FixtureOutputs) throws -> String
        var find: @Sendable (EC2, [EC2.Filter]) async throws -> [String]
        var testDescription: String { kind }
    }

    static let namedResources: [NamedResource] = [
        .init(kind: "VPC", name: "vpc", id: { try $0.string("vpc_id") }) { try await $0.vpcs(filters: $1).map(\.id) },
        .init(kind: "subnet", name: "public-subnet-1", id: { try $0.strings("public_subnet_ids")[0] }) { try await $0.subnets(filters: $1).map(\.id) },
        .init(kind: "route table", name: "private-rt", id: { try $0.string("private_route_table_id") }) { try await $0.routeTables(filters: $1).map(\.id) },
        .init(kind: "internet gateway", name: "igw", id: { try $0.string("internet_gateway_id") }) { try await $0.internetGateways(filters: $1).map(\.id) },
        .init(kind: "network ACL", name: "public-nacl", id: { try $0.string("public_network_acl_id") }) { try await $0.networkAcls(filters: $1).map(\.id) },
        .init(kind: "security group", name: "alb-sg", id: { try $0.string("alb_security_group_id") }) { try await $0.securityGroups(filters: $1).map(\.id) },
        .init(kind: "flow log", name: "flow-log", id: { try $0.string("flow_log_id") }) { try await $0.flowLogs(filters: $1).map(\.id) },
        .init(kind: "VPC endpoint", name: "s3-endpoint", id: { try $0.string("s3_endpoint_id") }) { try await $0.vpcEndpoints(filters: $1).map(\.id) },
        .init(kind: "Elastic IP", name: "nat-eip", id: { try $0.string("nat_eip_allocation_id") }) { try await $0.addresses(filters: $1).compactMap(\.allocationId) },
    ]

    @Test("a tag:Name filter finds exactly the named resource", arguments: namedResources)
    func findByName(_ resource: NamedResource) async throws {
        let found = try await resource.find(ec2, [.init(name: "tag:Name", values: [outputs.name(resource.name)])])
        #expect(found == [try resource.id(outputs)])
    }
}
