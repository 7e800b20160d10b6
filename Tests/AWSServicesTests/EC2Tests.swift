import AWSClient
import AWSServices
import Foundation
import Testing

/// EC2 and VPC reads decoded from answers recorded in real AWS shapes.
struct EC2RecordedTests {
    /// EC2 answering from `Fixtures/recorded/ec2/<file>`, one file per call, in order.
    static func ec2(_ files: String...) throws -> (EC2, RecordedAWS) {
        let (client, aws) = RecordedAWS.client(try files.map { try RecordedAWS.answer(file: "ec2/\($0)") })
        return (EC2(client: client), aws)
    }

    @Test("DescribeVpcs walks every page, sending each nextToken back")
    func describeVpcsPaginates() async throws {
        let (ec2, aws) = try Self.ec2("describe-vpcs-page-1.xml", "describe-vpcs-page-2.xml")
        let vpcs = try await ec2.vpcs()
        #expect(vpcs.map(\.id) == ["vpc-0a1b2c3d4e5f60001", "vpc-0a1b2c3d4e5f60002"])
        #expect(vpcs[0].tags["Name"] == "banking-vpc-pr123")
        #expect(vpcs[1].isDefault)
        #expect(aws.formParameters(0)["NextToken"] == nil)
        #expect(aws.formParameters(1)["NextToken"] == "eyJ2IjoiMiIsImMiOiJ2cGMtMDAwMSJ9EXAMPLE")
    }

    @Test("a VPC's primary, secondary and IPv6 CIDR blocks are decoded")
    func vpcCidrBlocks() async throws {
        let (ec2, _) = try Self.ec2("describe-vpcs-page-1.xml", "describe-vpcs-page-2.xml")
        let vpc = try #require(try await ec2.vpcs().first)
        #expect(vpc.cidrBlock == "10.50.0.0/16")
        #expect(vpc.state == "available")
        #expect(!vpc.isDefault)
        #expect(vpc.instanceTenancy == "default")
        #expect(vpc.dhcpOptionsId == "dopt-19edf471")
        #expect(vpc.cidrBlockAssociations.map { [$0.associationId, $0.cidrBlock, $0.state] } == [
            ["vpc-cidr-assoc-0a1b2c3d4e5f60001", "10.50.0.0/16", "associated"],
            ["vpc-cidr-assoc-0a1b2c3d4e5f60002", "100.64.0.0/16", "associated"],
        ])
        #expect(vpc.ipv6CidrBlockAssociations.map { [$0.associationId, $0.cidrBlock, $0.state] } == [
            ["vpc-cidr-assoc-0a1b2c3d4e5f60003", "2600:1f18:4e2:5d00::/56", "associated"],
        ])
    }

    @Test("the DNS attributes come from two DescribeVpcAttribute calls, one per attribute")
    func vpcDnsAttributes() async throws {
        let (ec2, aws) = try Self.ec2("describe-vpc-attribute-dns-support.xml", "describe-vpc-attribute-dns-hostnames.xml")
        let attributes = try await ec2.vpcAttribute(vpcID: "vpc-0a1b2c3d4e5f60001")
        #expect(attributes.enableDnsSupport)
        #expect(!attributes.enableDnsHostnames)
        #expect(aws.requests.count == 2)
        for (index, attribute) in ["enableDnsSupport", "enableDnsHostnames"].enumerated() {
            let parameters = aws.formParameters(index)
            #expect(parameters["Action"] == "DescribeVpcAttribute")
            #expect(parameters["Attribute"] == attribute)
            #expect(parameters["VpcId"] == "vpc-0a1b2c3d4e5f60001")
        }
    }

    @Test("an attribute answer that lacks the attribute asked for is malformed, not false")
    func vpcAttributeMissing() async throws {
        let (ec2, _) = try Self.ec2("describe-vpc-attribute-dns-support.xml", "describe-vpc-attribute-dns-support.xml")
        let error = try await #require(throws: AWSError.self) { try await ec2.vpcAttribute(vpcID: "vpc-0a1b2c3d4e5f60001") }
        #expect(error.kind == .malformedResponse)
        #expect(error.operation == "DescribeVpcAttribute")
        #expect(error.message.contains("enableDnsHostnames"))
        #expect(error.requestID == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
    }

    @Test("DescribeSubnets walks every page and decodes every field")
    func subnets() async throws {
        let (ec2, aws) = try Self.ec2("describe-subnets-page-1.xml", "describe-subnets-page-2.xml")
        let subnets = try await ec2.subnets(filters: [.init(name: "vpc-id", values: ["vpc-0a1b2c3d4e5f60001"])])
        #expect(subnets.map(\.id) == ["subnet-0a1b2c3d4e5f60011", "subnet-0a1b2c3d4e5f60021", "subnet-0a1b2c3d4e5f60031"])
        #expect(aws.formParameters(1)["NextToken"] == "eyJ2IjoiMiIsImMiOiJzdWJuZXQtMDAxMSJ9EXAMPLE")
        #expect(aws.formParameters(1)["Filter.1.Name"] == "vpc-id", "the filters are sent again with the token")

        let publicSubnet = subnets[0]
        #expect(publicSubnet.vpcId == "vpc-0a1b2c3d4e5f60001")
        #expect(publicSubnet.cidrBlock == "10.50.0.0/24")
        #expect(publicSubnet.availabilityZone == "us-east-1a")
        #expect(publicSubnet.availabilityZoneId == "use1-az4")
        #expect(publicSubnet.mapPublicIpOnLaunch)
        #expect(publicSubnet.state == "available")
        #expect(publicSubnet.availableIpAddressCount == 250)
        #expect(!publicSubnet.defaultForAz)
        #expect(publicSubnet.tags == ["Name": "banking-public-subnet-1-pr123", "Tier": "public"])

        #expect(!subnets[1].mapPublicIpOnLaunch)
        #expect(subnets[1].availableIpAddressCount == 249)
        #expect(subnets[2].defaultForAz)
        #expect(subnets[2].tags.isEmpty)
    }

    @Test("DescribeNatGateways decodes the gateway, its Elastic IP and a failure")
    func natGateways() async throws {
        let (ec2, _) = try Self.ec2("describe-nat-gateways.xml")
        let gateways = try await ec2.natGateways()
        #expect(gateways.count == 2)
        let nat = gateways[0]
        #expect(nat.id == "nat-0a1b2c3d4e5f60071")
        #expect(nat.vpcId == "vpc-0a1b2c3d4e5f60001")
        #expect(nat.subnetId == "subnet-0a1b2c3d4e5f60011")
        #expect(nat.state == "available")
        #expect(nat.connectivityType == "public")
        #expect(nat.failureCode == nil)
        #expect(nat.tags["Name"] == "banking-nat-gateway-pr123")
        let address = try #require(nat.addresses.first)
        #expect(nat.addresses.count == 1)
        #expect(address.allocationId == "eipalloc-0a1b2c3d4e5f60121")
        #expect(address.networkInterfaceId == "eni-0a1b2c3d4e5f600e3")
        #expect(address.privateIp == "10.50.0.143")
        #expect(address.publicIp == "198.51.100.23")
        #expect(address.associationId == "eipassoc-0a1b2c3d4e5f60131")
        #expect(address.isPrimary == true)
        #expect(address.status == "succeeded")
        let failed = gateways[1]
        #expect(failed.state == "failed")
        #expect(failed.failureCode == "Gateway.NotAttached")
        #expect(failed.failureMessage == "Network vpc-0a1b2c3d4e5f60001 has no Internet gateway attached")
        #expect(failed.addresses.first?.publicIp == nil)
        #expect(failed.addresses.first?.status == "failed")
    }

    @Test("DescribeInternetGateways decodes attachments, and a detached gateway has none")
    func internetGateways() async throws {
        let (ec2, _) = try Self.ec2("describe-internet-gateways.xml")
        let gateways = try await ec2.internetGateways()
        #expect(gateways.map(\.id) == ["igw-0a1b2c3d4e5f60051", "igw-0a1b2c3d4e5f60052"])
        #expect(gateways[0].attachments.map { [$0.vpcId, $0.state] } == [["vpc-0a1b2c3d4e5f60001", "available"]])
        #expect(gateways[0].tags["Name"] == "banking-igw-pr123")
        #expect(gateways[1].attachments.isEmpty)
    }

    @Test("DescribeAddresses decodes a NAT gateway's Elastic IP and an instance's")
    func addresses() async throws {
        let (ec2, aws) = try Self.ec2("describe-addresses.xml")
        let addresses = try await ec2.addresses(ids: ["eipalloc-0a1b2c3d4e5f60121", "eipalloc-0a1b2c3d4e5f60123"])
        #expect(aws.requests.count == 1, "DescribeAddresses is not paginated")
        #expect(aws.formParameters(0)["AllocationId.2"] == "eipalloc-0a1b2c3d4e5f60123")
        #expect(addresses.count == 2)
        let nat = addresses[0]
        #expect(nat.allocationId == "eipalloc-0a1b2c3d4e5f60121")
        #expect(nat.publicIp == "198.51.100.23")
        #expect(nat.domain == "vpc")
        #expect(nat.associationId == "eipassoc-0a1b2c3d4e5f60131")
        #expect(nat.networkInterfaceId == "eni-0a1b2c3d4e5f600e3")
        #expect(nat.privateIpAddress == "10.50.0.143")
        #expect(nat.instanceId == nil, "a NAT gateway's address is on no instance")
        #expect(nat.tags["Name"] == "banking-nat-eip-pr123")
        #expect(addresses[1].instanceId == "i-0a1b2c3d4e5f600d1")
        #expect(addresses[1].tags.isEmpty)
    }

    @Test("DescribeAvailabilityZones decodes names, zone ids, state and type")
    func availabilityZones() async throws {
        let (ec2, aws) = try Self.ec2("describe-availability-zones.xml")
        let zones = try await ec2.availabilityZones(names: ["us-east-1a"], ids: ["use1-bos1-az1"])
        #expect(aws.formParameters(0)["ZoneName.1"] == "us-east-1a")
        #expect(aws.formParameters(0)["ZoneId.1"] == "use1-bos1-az1")
        #expect(zones.map(\.name) == ["us-east-1a", "us-east-1-bos-1a"])
        #expect(zones[0].zoneId == "use1-az4")
        #expect(zones[0].state == "available")
        #expect(zones[0].regionName == "us-east-1")
        #expect(zones[0].zoneType == "availability-zone")
        #expect(zones[1].zoneType == "local-zone")
    }

    @Test("UnauthorizedOperation in EC2's error shape is an auth error with code, message and request id")
    func unauthorizedOperation() async throws {
        let (client, _) = RecordedAWS.client([try RecordedAWS.answer(403, file: "ec2/error-unauthorized-operation.xml")])
        let error = try await #require(throws: AWSError.self) { try await EC2(client: client).flowLogs() }
        #expect(error.kind == .auth)
        #expect(error.status == 403)
        #expect(error.service == .ec2)
        #expect(error.operation == "DescribeFlowLogs")
        #expect(error.code == "UnauthorizedOperation")
        #expect(error.message.hasPrefix("You are not authorized to perform this operation."))
        #expect(error.message.contains("ec2:DescribeFlowLogs"))
        #expect(error.requestID == "d2f6b39a-2bdf-4c21-8ad4-e3f4EXAMPLE")
        #expect(error.attempts == 1, "a refusal is not retried")
        #expect(error.description.contains("docs/iam-policy.json"))
    }

    /// One Describe operation as the request-parameter test calls it.
    struct Operation: Sendable, CustomTestStringConvertible {
        var action: String
        var idParameter: String
        var call: @Sendable (EC2, [String], [EC2.Filter]) async throws -> Void
        var testDescription: String { action }
    }

    static let operations: [Operation] = [
        .init(action: "DescribeVpcs", idParameter: "VpcId") { _ = try await $0.vpcs(ids: $1, filters: $2) },
        .init(action: "DescribeSubnets", idParameter: "SubnetId") { _ = try await $0.subnets(ids: $1, filters: $2) },
        .init(action: "DescribeRouteTables", idParameter: "RouteTableId") { _ = try await $0.routeTables(ids: $1, filters: $2) },
        .init(action: "DescribeNatGateways", idParameter: "NatGatewayId") { _ = try await $0.natGateways(ids: $1, filters: $2) },
        .init(action: "DescribeInternetGateways", idParameter: "InternetGatewayId") { _ = try await $0.internetGateways(ids: $1, filters: $2) },
        .init(action: "DescribeNetworkAcls", idParameter: "NetworkAclId") { _ = try await $0.networkAcls(ids: $1, filters: $2) },
        .init(action: "DescribeSecurityGroups", idParameter: "GroupId") { _ = try await $0.securityGroups(ids: $1, filters: $2) },
        .init(action: "DescribeFlowLogs", idParameter: "FlowLogId") { _ = try await $0.flowLogs(ids: $1, filters: $2) },
        .init(action: "DescribeVpcEndpoints", idParameter: "VpcEndpointId") { _ = try await $0.vpcEndpoints(ids: $1, filters: $2) },
        .init(action: "DescribeAddresses", idParameter: "AllocationId") { _ = try await $0.addresses(ids: $1, filters: $2) },
        .init(action: "DescribeAvailabilityZones", idParameter: "ZoneId") { _ = try await $0.availabilityZones(ids: $1, filters: $2) },
    ]

    @Test("ids and filters are sent as EC2 numbers them: <Id>.N, Filter.N.Name, Filter.N.Value.M", arguments: operations)
    func requestParameters(_ operation: Operation) async throws {
        let empty = HTTPResponse(status: 200, body: Data("<\(operation.action)Response><requestId>EXAMPLE</requestId></\(operation.action)Response>".utf8))
        let (client, aws) = RecordedAWS.client([empty])
        let filters: [EC2.Filter] = [.init(name: "vpc-id", values: ["vpc-0a1b2c3d4e5f60001"]), .init(name: "tag:Name", values: ["a", "b c"])]
        try await operation.call(EC2(client: client), ["id-1", "id-2"], filters)
        #expect(aws.formParameters(0) == [
            "Action": operation.action, "Version": "2016-11-15",
            "\(operation.idParameter).1": "id-1", "\(operation.idParameter).2": "id-2",
            "Filter.1.Name": "vpc-id", "Filter.1.Value.1": "vpc-0a1b2c3d4e5f60001",
            "Filter.2.Name": "tag:Name", "Filter.2.Value.1": "a", "Filter.2.Value.2": "b c",
        ])
    }
}
