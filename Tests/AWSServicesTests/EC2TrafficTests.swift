import AWSClient
import AWSServices
import Foundation
import Testing

/// What decides where traffic goes and whether it may: route tables, network ACLs, security groups, flow
/// logs and endpoints, decoded from answers recorded in real AWS shapes.
struct EC2TrafficRecordedTests {
    @Test("DescribeRouteTables decodes routes, associations and the main table")
    func routeTables() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-route-tables.xml")
        let tables = try await ec2.routeTables()
        #expect(tables.map(\.id) == ["rtb-0a1b2c3d4e5f60041", "rtb-0a1b2c3d4e5f60042", "rtb-0a1b2c3d4e5f60043"])
        #expect(tables.allSatisfy { $0.vpcId == "vpc-0a1b2c3d4e5f60001" })

        let publicTable = tables[0]
        #expect(publicTable.tags["Name"] == "banking-public-rt-pr123")
        #expect(!publicTable.isMain)
        #expect(publicTable.associations.map(\.id) == ["rtbassoc-0a1b2c3d4e5f60061", "rtbassoc-0a1b2c3d4e5f60062"])
        #expect(publicTable.associations[0].subnetId == "subnet-0a1b2c3d4e5f60011")
        #expect(publicTable.associations[0].gatewayId == nil)
        #expect(publicTable.associations[0].state == "associated")
        #expect(publicTable.associations[1].subnetId == nil)
        #expect(publicTable.associations[1].gatewayId == "igw-0a1b2c3d4e5f60051", "an edge association")
        #expect(publicTable.routes.map(\.destination) == ["10.50.0.0/16", "0.0.0.0/0", "::/0"])
        #expect(publicTable.routes[1].target == .internetGateway("igw-0a1b2c3d4e5f60051"))
        #expect(publicTable.routes[2].destinationIpv6CidrBlock == "::/0")
        #expect(publicTable.routes[2].destinationCidrBlock == nil)

        let local = publicTable.routes[0]
        #expect(local.target == .local)
        #expect(local.state == "active")
        #expect(local.origin == "CreateRouteTable")

        let mainTable = tables[2]
        #expect(mainTable.isMain)
        #expect(mainTable.associations.first?.main == true)
        #expect(mainTable.associations.first?.subnetId == nil)
        #expect(mainTable.tags.isEmpty)
    }

    @Test("every kind of route target is named, with its id")
    func everyRouteTarget() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-route-tables.xml")
        let privateTable = try #require(try await ec2.routeTables().first { $0.id == "rtb-0a1b2c3d4e5f60042" })
        let routes = privateTable.routes
        let targets = Dictionary(uniqueKeysWithValues: routes.map { ($0.destination, $0.target) })
        #expect(targets == [
            "10.50.0.0/16": .local,
            "0.0.0.0/0": .natGateway("nat-0a1b2c3d4e5f60071"),
            "pl-63a5400a": .vpcEndpoint("vpce-0a1b2c3d4e5f60081"),
            "::/0": .egressOnlyInternetGateway("eigw-0a1b2c3d4e5f60091"),
            "10.100.0.0/16": .transitGateway("tgw-0a1b2c3d4e5f600a1"),
            "10.101.0.0/16": .vpcPeeringConnection("pcx-0a1b2c3d4e5f600b1"),
            "192.168.0.0/16": .virtualPrivateGateway("vgw-0a1b2c3d4e5f600c1"),
            "10.102.0.0/16": .instance("i-0a1b2c3d4e5f600d1"),
            "10.103.0.0/16": .networkInterface("eni-0a1b2c3d4e5f600e2"),
            "10.104.0.0/16": .carrierGateway("cagw-0a1b2c3d4e5f600f1"),
            "10.105.0.0/16": .localGateway("lgw-0a1b2c3d4e5f60101"),
            "10.106.0.0/16": .coreNetwork("arn:aws:networkmanager::123456789012:core-network/core-network-0a1b2c3d4e5f60111"),
            "10.107.0.0/16": .vpcEndpoint("vpce-0a1b2c3d4e5f60082"),
            "10.108.0.0/16": .natGateway("nat-0a1b2c3d4e5f60072"),
        ])
        let toInstance = try #require(routes.first { $0.destination == "10.102.0.0/16" })
        #expect(toInstance.instanceId == "i-0a1b2c3d4e5f600d1")
        #expect(toInstance.networkInterfaceId == "eni-0a1b2c3d4e5f600e1", "AWS names the instance's interface too")
        #expect(routes.first { $0.destination == "pl-63a5400a" }?.destinationPrefixListId == "pl-63a5400a")
        #expect(routes.first { $0.destination == "192.168.0.0/16" }?.origin == "EnableVgwRoutePropagation")
        #expect(Route.Target.natGateway("nat-0a1b2c3d4e5f60071").description == "NAT gateway nat-0a1b2c3d4e5f60071")
        #expect(Route.Target.local.description == "local")
    }

    @Test("a route whose NAT gateway is gone is a blackhole, and still names its target")
    func blackholeRoute() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-route-tables.xml")
        let routes = try await ec2.routeTables().flatMap(\.routes)
        let blackholes = routes.filter { $0.state == "blackhole" }
        #expect(blackholes.count == 1)
        #expect(blackholes.first?.destinationCidrBlock == "10.108.0.0/16")
        #expect(blackholes.first?.target.description == "NAT gateway nat-0a1b2c3d4e5f60072")
        #expect(routes.filter { $0.state == "active" }.count == routes.count - 1)
    }

    @Test("DescribeNetworkAcls decodes rules of both directions, port ranges, ICMP and associations")
    func networkAcls() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-network-acls.xml")
        let acls = try await ec2.networkAcls()
        #expect(acls.map(\.id) == ["acl-0a1b2c3d4e5f60141", "acl-0a1b2c3d4e5f60142"])
        let acl = acls[0]
        #expect(acl.vpcId == "vpc-0a1b2c3d4e5f60001")
        #expect(!acl.isDefault)
        #expect(acls[1].isDefault)
        #expect(acl.tags["Name"] == "banking-private-nacl-pr123")
        #expect(acl.associations.map { [$0.id, $0.subnetId] } == [["aclassoc-0a1b2c3d4e5f60151", "subnet-0a1b2c3d4e5f60021"]])
        #expect(acls[1].associations.isEmpty)

        let inbound = acl.entries.filter { !$0.egress }
        let outbound = acl.entries.filter(\.egress)
        #expect(inbound.map(\.ruleNumber) == [100, 110, 120, 130, 32767])
        #expect(outbound.map(\.ruleNumber) == [100, 32767])

        let https = inbound[0]
        #expect(https.protocol == "6")
        #expect(https.ruleAction == "allow")
        #expect(https.cidrBlock == "10.50.0.0/16")
        #expect(https.portRange?.from == 443)
        #expect(https.portRange?.to == 443)
        #expect(https.icmpTypeCode == nil)
        #expect(inbound[1].portRange.map { [$0.from, $0.to] } == [1024, 65535])

        let ping = inbound[2]
        #expect(ping.protocol == "1")
        #expect(ping.icmpTypeCode?.type == 8)
        #expect(ping.icmpTypeCode?.code == -1)
        #expect(ping.portRange == nil)

        let ipv6Deny = inbound[3]
        #expect(ipv6Deny.protocol == "-1")
        #expect(ipv6Deny.ruleAction == "deny")
        #expect(ipv6Deny.ipv6CidrBlock == "::/0")
        #expect(ipv6Deny.cidrBlock == nil)
        #expect(inbound[4].ruleAction == "deny")
    }

    @Test("DescribeSecurityGroups walks every page and decodes every kind of rule")
    func securityGroups() async throws {
        let (ec2, aws) = try EC2RecordedTests.ec2("describe-security-groups-page-1.xml", "describe-security-groups-page-2.xml")
        let groups = try await ec2.securityGroups(ids: ["sg-0a1b2c3d4e5f60161", "sg-0a1b2c3d4e5f60162"])
        #expect(aws.formParameters(0)["GroupId.1"] == "sg-0a1b2c3d4e5f60161")
        #expect(aws.formParameters(1)["NextToken"] == "eyJ2IjoiMiIsImMiOiJzZy0wMTYxIn0EXAMPLE")
        #expect(aws.formParameters(1)["GroupId.2"] == "sg-0a1b2c3d4e5f60162")
        #expect(groups.map(\.id) == ["sg-0a1b2c3d4e5f60161", "sg-0a1b2c3d4e5f60162"])

        let alb = groups[0]
        #expect(alb.name == "banking-alb-pr123")
        #expect(alb.description == "Load balancer: HTTPS from anywhere")
        #expect(alb.vpcId == "vpc-0a1b2c3d4e5f60001")
        #expect(alb.ownerId == "123456789012")
        #expect(alb.tags["Name"] == "banking-alb-pr123")
        let https = try #require(alb.ingress.first)
        #expect(alb.ingress.count == 1)
        #expect(https.ipProtocol == "tcp")
        #expect(https.fromPort == 443)
        #expect(https.toPort == 443)
        #expect(https.ipv4Ranges.map { [$0.cidr, $0.description] } == [["0.0.0.0/0", "HTTPS from the internet"]])
        #expect(https.ipv6Ranges.map { [$0.cidr, $0.description] } == [["::/0", "HTTPS from the internet (IPv6)"]])
        #expect(https.prefixListIds.isEmpty)
        #expect(https.userIdGroupPairs.isEmpty)
        let allOut = try #require(alb.egress.first)
        #expect(allOut.ipProtocol == "-1")
        #expect(allOut.fromPort == nil)
        #expect(allOut.toPort == nil)
        #expect(allOut.ipv4Ranges.map(\.cidr) == ["0.0.0.0/0"])
        #expect(allOut.ipv4Ranges.first?.description == nil)

        let ecs = groups[1]
        let fromAlb = try #require(ecs.ingress.first)
        #expect(fromAlb.fromPort == 8080)
        #expect(fromAlb.ipv4Ranges.isEmpty)
        #expect(fromAlb.userIdGroupPairs.map { [$0.groupId, $0.userId, $0.description] } == [["sg-0a1b2c3d4e5f60161", "123456789012", "app port from the ALB"]])
        #expect(ecs.egress.count == 2)
        #expect(ecs.egress[0].prefixListIds.map { [$0.id, $0.description] } == [["pl-63a5400a", "S3 through the gateway endpoint"]])
        #expect(ecs.egress[1].ipProtocol == "icmp")
        #expect(ecs.egress[1].fromPort == 8)
        #expect(ecs.egress[1].toPort == -1)
        #expect(ecs.tags.isEmpty)
    }

    @Test("DescribeFlowLogs decodes destination, interval, traffic type, format and delivery status")
    func flowLogs() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-flow-logs.xml")
        let logs = try await ec2.flowLogs()
        #expect(logs.map(\.id) == ["fl-0a1b2c3d4e5f60171", "fl-0a1b2c3d4e5f60172"])
        let vpcLog = logs[0]
        #expect(vpcLog.resourceId == "vpc-0a1b2c3d4e5f60001")
        #expect(vpcLog.status == "ACTIVE")
        #expect(vpcLog.deliverLogsStatus == "SUCCESS")
        #expect(vpcLog.deliverLogsErrorMessage == nil)
        #expect(vpcLog.trafficType == "ALL")
        #expect(vpcLog.logDestinationType == "cloud-watch-logs")
        #expect(vpcLog.logDestination == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vpc/banking-pr123")
        #expect(vpcLog.logGroupName == "/aws/vpc/banking-pr123")
        #expect(vpcLog.maxAggregationInterval == 600)
        #expect(vpcLog.logFormat?.hasPrefix("${version} ${account-id} ${interface-id}") == true)
        #expect(vpcLog.deliverLogsPermissionArn == "arn:aws:iam::123456789012:role/banking-flow-logs-pr123")
        #expect(vpcLog.tags["Name"] == "banking-flow-log-pr123")

        let subnetLog = logs[1]
        #expect(subnetLog.resourceId == "subnet-0a1b2c3d4e5f60021")
        #expect(subnetLog.deliverLogsStatus == "FAILED")
        #expect(subnetLog.deliverLogsErrorMessage == "Access error")
        #expect(subnetLog.trafficType == "REJECT")
        #expect(subnetLog.logDestinationType == "s3")
        #expect(subnetLog.logDestination == "arn:aws:s3:::banking-flow-logs-pr123/subnets/")
        #expect(subnetLog.logGroupName == nil)
        #expect(subnetLog.deliverLogsPermissionArn == nil)
        #expect(subnetLog.maxAggregationInterval == 60)
    }

    @Test("DescribeVpcEndpoints decodes gateway and interface endpoints, their security groups and policy")
    func vpcEndpoints() async throws {
        let (ec2, _) = try EC2RecordedTests.ec2("describe-vpc-endpoints.xml")
        let endpoints = try await ec2.vpcEndpoints()
        #expect(endpoints.map(\.id) == ["vpce-0a1b2c3d4e5f60081", "vpce-0a1b2c3d4e5f60083"])

        let s3 = endpoints[0]
        #expect(s3.vpcId == "vpc-0a1b2c3d4e5f60001")
        #expect(s3.serviceName == "com.amazonaws.us-east-1.s3")
        #expect(s3.type == "Gateway")
        #expect(s3.state == "available")
        #expect(s3.privateDnsEnabled == false)
        #expect(s3.routeTableIds == ["rtb-0a1b2c3d4e5f60042", "rtb-0a1b2c3d4e5f60043"])
        #expect(s3.subnetIds.isEmpty)
        #expect(s3.securityGroupIds.isEmpty)
        #expect(s3.dnsEntries.isEmpty)
        #expect(s3.tags["Name"] == "banking-s3-endpoint-pr123")
        let policy = try #require(s3.policyDocument)
        let statement = try #require(try Self.statements(policy).first)
        #expect(statement["Action"] as? String == "s3:*")
        #expect(statement["Resource"] as? [String] == ["arn:aws:s3:::banking-data-pr123", "arn:aws:s3:::banking-data-pr123/*"])

        let ecr = endpoints[1]
        #expect(ecr.serviceName == "com.amazonaws.us-east-1.ecr.api")
        #expect(ecr.type == "Interface")
        #expect(ecr.privateDnsEnabled == true)
        #expect(ecr.subnetIds == ["subnet-0a1b2c3d4e5f60021", "subnet-0a1b2c3d4e5f60022"])
        #expect(ecr.securityGroupIds == ["sg-0a1b2c3d4e5f60163"])
        #expect(ecr.routeTableIds.isEmpty)
        #expect(ecr.networkInterfaceIds == ["eni-0a1b2c3d4e5f600e4", "eni-0a1b2c3d4e5f600e5"])
        #expect(ecr.dnsEntries.map(\.dnsName) == ["vpce-0a1b2c3d4e5f60083-4kz9zmbq.api.ecr.us-east-1.vpce.amazonaws.com", "api.ecr.us-east-1.amazonaws.com"])
        #expect(ecr.dnsEntries.first?.hostedZoneId == "Z7HUB22UULQXV")
        #expect(try Self.statements(try #require(ecr.policyDocument)).first?["Principal"] as? String == "*")
    }

    @Test("a percent-encoded endpoint policy is decoded to JSON")
    func percentEncodedPolicy() async throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}"#
        let body = """
            <DescribeVpcEndpointsResponse><vpcEndpointSet><item><vpcEndpointId>vpce-0a1b2c3d4e5f60084</vpcEndpointId>\
            <policyDocument>\(PercentEncoding.encode(policy))</policyDocument></item></vpcEndpointSet></DescribeVpcEndpointsResponse>
            """
        let (client, _) = RecordedAWS.client([HTTPResponse(status: 200, body: Data(body.utf8))])
        let endpoint = try #require(try await EC2(client: client).vpcEndpoints().first)
        #expect(endpoint.policyDocument == policy)
    }

    /// The statements of a policy document, failing the test when it is not JSON.
    static func statements(_ policy: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any])
        return try #require(document["Statement"] as? [[String: Any]])
    }
}
