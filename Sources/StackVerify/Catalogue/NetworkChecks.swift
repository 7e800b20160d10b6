import AWSServices

/// Checks of VPC networking: CIDRs and DNS, subnets and their routes, gateways, NACLs, security groups,
/// flow logs and endpoints.
enum NetworkChecks {
    static let all: [Check] = [
        vpcCIDR, vpcDNSEnabled, flowLogsEnabled,
        subnetsSpanAvailabilityZones, subnetsInsideVPC, subnetsMapPublicIP,
        publicSubnetsRouteToInternetGateway, privateSubnetsRouteThroughNAT, isolatedSubnetsHaveNoInternetRoute,
        natGatewayAvailable, internetGatewayAttached,
        networkACLAllows,
        securityGroupNoWorldIngress, securityGroupIngressOnlyFromGroups,
        s3GatewayEndpointOnRouteTables, interfaceEndpointPrivateDNS, endpointDedicatedSecurityGroup,
    ]

    static let worldCIDRs: Set<String> = ["0.0.0.0/0", "::/0"]

    // MARK: VPC

    static let vpcCIDR = Check(
        id: "vpc-cidr", title: "the VPC has the expected IPv4 CIDR block", kind: .vpc,
        arguments: [.init("cidr", "the expected CIDR block, e.g. 10.50.0.0/16", type: .string, isMain: true)],
        reads: ["ec2:DescribeVpcs"], origin: "seed 000 (integration tests must assert the CIDR)"
    ) { context in
        try await context.eachResource { id in
            let vpc = try await context.state.vpc(id)
            return .expect(vpc?.cidrBlock == context.text("cidr"), id, property: "cidrBlock", expected: context.text("cidr"), actual: vpc?.cidrBlock ?? "no such VPC")
        }
    }

    static let vpcDNSEnabled = Check(
        id: "vpc-dns-enabled", title: "the VPC resolves DNS and gives instances DNS host names", kind: .vpc,
        reads: ["ec2:DescribeVpcAttribute"], origin: "seed 000 (EnableDnsHostnames asserted on the live VPC)"
    ) { context in
        try await context.eachResource { id in
            let dns = try await context.state.vpcDNS(id)
            let actual = "enableDnsSupport=\(dns.enableDnsSupport), enableDnsHostnames=\(dns.enableDnsHostnames)"
            return .expect(dns.enableDnsSupport && dns.enableDnsHostnames, id, property: "DNS attributes", expected: "both true", actual: actual)
        }
    }

    static let flowLogsEnabled = Check(
        id: "flow-logs-enabled", title: "the VPC has an active flow log of the expected traffic, destination and interval", kind: .vpc,
        arguments: [
            .init("traffic", "the traffic type logged: ALL, ACCEPT or REJECT", type: .string, default: .text("ALL")),
            .init("intervals", "accepted MaxAggregationInterval values in seconds (AWS allows only 60 and 600)", type: .integers, default: .list(["60", "600"])),
            .init("destination-type", "s3, cloud-watch-logs or kinesis-data-firehose; any when absent", type: .string, default: .text("")),
            .init("destination", "the destination ARN, or a bucket name it must contain; any when absent", type: .string, default: .text("")),
        ],
        reads: ["ec2:DescribeFlowLogs"], origin: "seed 002 (MaxAggregationInterval 300 is invalid: valid values are 60 and 600)"
    ) { context in
        try await context.eachResource { id in
            let logs = try await context.state.flowLogs(forResource: id)
            guard !logs.isEmpty else { return .fail(id, "\(id) has no flow log: expected one logging \(context.text("traffic")) traffic") }
            let wantedType = context.text("destination-type")
            let wantedDestination = context.text("destination")
            let intervals = context.integers("intervals")
            var problems: [String] = []
            for log in logs {
                var wrong: [String] = []
                if log.status != nil, log.status != "ACTIVE" { wrong.append("status \(log.status ?? "?") (expected ACTIVE)") }
                if log.deliverLogsStatus == "FAILED" { wrong.append("deliverLogsStatus FAILED: \(log.deliverLogsErrorMessage ?? "logs cannot be delivered")") }
                if log.trafficType != context.text("traffic") { wrong.append("trafficType \(log.trafficType ?? "absent") (expected \(context.text("traffic")))") }
                let interval = log.maxAggregationInterval ?? 600
                if !intervals.contains(interval) { wrong.append("maxAggregationInterval \(interval) (expected one of \(intervals.map(String.init).joined(separator: ", ")))") }
                if !wantedType.isEmpty, log.logDestinationType != wantedType { wrong.append("logDestinationType \(log.logDestinationType ?? "absent") (expected \(wantedType))") }
                if !wantedDestination.isEmpty, !(log.logDestination ?? "").contains(wantedDestination) { wrong.append("logDestination \(log.logDestination ?? "absent") (expected \(wantedDestination))") }
                if wrong.isEmpty { return .pass(id, "\(id) flow log \(log.id) is active, \(log.trafficType ?? "") traffic, every \(interval) s to \(log.logDestination ?? log.logGroupName ?? "?")") }
                problems.append("flow log \(log.id): " + wrong.joined(separator: "; "))
            }
            return .fail(id, "\(id) has no flow log as expected: " + problems.joined(separator: " | "))
        }
    }

    // MARK: Subnets and routes

    static let subnetsSpanAvailabilityZones = Check(
        id: "subnets-span-availability-zones", title: "the subnets are spread over enough availability zones", kind: .subnet,
        arguments: [.init("minimum", "the least number of distinct zones", type: .integer, default: .text("2"), isMain: true)],
        reads: ["ec2:DescribeSubnets"], origin: "seed 000 (subnets across 3 AZs)"
    ) { context in
        let subnets = try await context.state.subnets(context.resourceIDs)
        let zones = Set(subnets.map(\.availabilityZone)).sorted()
        let minimum = context.integer("minimum")
        let label = "subnets \(context.resourceIDs.joined(separator: ", "))"
        return [.expect(zones.count >= minimum, label, property: "availability zones", expected: "at least \(minimum)", actual: "\(zones.count) (\(zones.joined(separator: ", ")))")]
    }

    static let subnetsInsideVPC = Check(
        id: "subnets-inside-vpc", title: "each subnet belongs to the VPC and its CIDR lies inside the VPC's", kind: .subnet,
        arguments: [.init("vpc", "the VPC id, e.g. ${outputs.vpc_id}", type: .string, isMain: true)],
        reads: ["ec2:DescribeSubnets", "ec2:DescribeVpcs"], origin: "seed 000 (subnets of the banking VPC)"
    ) { context in
        let vpcID = context.text("vpc")
        guard let vpc = try await context.state.vpc(vpcID) else {
            return context.resourceIDs.map { .fail($0, "\($0): VPC \(vpcID) does not exist") }
        }
        return try await context.eachResource { id in
            guard let subnet = try await context.state.subnet(id) else { return .fail(id, "subnet \(id) does not exist") }
            guard subnet.vpcId == vpcID else { return .expect(false, id, property: "vpcId", expected: vpcID, actual: subnet.vpcId) }
            // A subnet may sit in any CIDR block associated with the VPC, not only the primary one.
            let blocks = Set([vpc.cidrBlock] + vpc.cidrBlockAssociations.map(\.cidrBlock)).sorted()
            let inside = subnet.cidrBlock.flatMap(IPv4Block.init).map { inner in blocks.compactMap(IPv4Block.init).contains { $0.contains(inner) } } ?? false
            return .expect(inside, id, property: "cidrBlock", expected: "inside \(blocks.joined(separator: " or "))", actual: subnet.cidrBlock ?? "absent")
        }
    }

    static let subnetsMapPublicIP = Check(
        id: "subnets-map-public-ip", title: "subnets give (public) or do not give (private) public IPs on launch", kind: .subnet,
        arguments: [.init("expected", "true for public subnets, false for private ones", type: .boolean, isMain: true)],
        reads: ["ec2:DescribeSubnets"], origin: "seed 000 (public and private tiers)"
    ) { context in
        try await context.eachResource { id in
            let subnet = try await context.state.subnet(id)
            let actual = subnet.map { String($0.mapPublicIpOnLaunch) } ?? "no such subnet"
            return .expect(actual == context.text("expected"), id, property: "mapPublicIpOnLaunch", expected: context.text("expected"), actual: actual)
        }
    }

    static let publicSubnetsRouteToInternetGateway = Check(
        id: "public-subnets-route-to-internet-gateway", title: "public subnets route 0.0.0.0/0 to an internet gateway attached to their VPC", kind: .subnet,
        reads: ["ec2:DescribeSubnets", "ec2:DescribeRouteTables", "ec2:DescribeInternetGateways"], origin: "seed 001 (public route table to the IGW)"
    ) { context in
        try await context.eachResource { id in
            guard let subnet = try await context.state.subnet(id) else { return .fail(id, "subnet \(id) does not exist") }
            let (table, route) = try await defaultRoute(of: subnet, state: context.state)
            guard let route else { return .fail(id, "subnet \(id) (route table \(table?.id ?? "none")) has no 0.0.0.0/0 route: expected one to an internet gateway") }
            guard case let .internetGateway(gateway) = route.target else {
                return .fail(id, "subnet \(id) (route table \(table?.id ?? "none")) routes 0.0.0.0/0 to \(route.target): expected an internet gateway")
            }
            let attached = try await context.state.internetGateways(attachedTo: subnet.vpcId).contains { $0.id == gateway }
            guard attached, route.state == "active" else {
                return .fail(id, "subnet \(id) routes 0.0.0.0/0 to internet gateway \(gateway), which is \(attached ? "a \(route.state) route" : "not attached to \(subnet.vpcId)")")
            }
            return .pass(id, "subnet \(id) routes 0.0.0.0/0 to internet gateway \(gateway) through \(table?.id ?? "?")")
        }
    }

    static let privateSubnetsRouteThroughNAT = Check(
        id: "private-subnets-route-through-nat", title: "private subnets route 0.0.0.0/0 through an available NAT gateway that sits in a public subnet", kind: .subnet,
        reads: ["ec2:DescribeSubnets", "ec2:DescribeRouteTables", "ec2:DescribeNatGateways", "ec2:DescribeInternetGateways"],
        origin: "seed 001 (no NAT gateway: Fargate tasks in private subnets cannot pull images)"
    ) { context in
        try await context.eachResource { id in
            guard let subnet = try await context.state.subnet(id) else { return .fail(id, "subnet \(id) does not exist") }
            let (table, route) = try await defaultRoute(of: subnet, state: context.state)
            guard let route else { return .fail(id, "private subnet \(id) (route table \(table?.id ?? "none")) has no 0.0.0.0/0 route: expected one through a NAT gateway") }
            guard case let .natGateway(natID) = route.target else {
                return .fail(id, "private subnet \(id) (route table \(table?.id ?? "none")) routes 0.0.0.0/0 to \(route.target): expected a NAT gateway")
            }
            guard let nat = try await context.state.natGateway(natID) else { return .fail(id, "private subnet \(id) routes 0.0.0.0/0 to NAT gateway \(natID), which does not exist") }
            guard nat.state == "available", route.state == "active" else {
                return .fail(id, "private subnet \(id) routes 0.0.0.0/0 to NAT gateway \(natID) in state \(nat.state) (route \(route.state)): expected available")
            }
            guard let natSubnet = try await context.state.subnet(nat.subnetId) else { return .fail(id, "NAT gateway \(natID) sits in subnet \(nat.subnetId), which does not exist") }
            let (_, natRoute) = try await defaultRoute(of: natSubnet, state: context.state)
            guard case .internetGateway = natRoute?.target else {
                return .fail(id, "NAT gateway \(natID) of private subnet \(id) sits in subnet \(nat.subnetId), which has no route to an internet gateway: the NAT cannot reach the internet")
            }
            return .pass(id, "private subnet \(id) routes 0.0.0.0/0 through NAT gateway \(natID) in public subnet \(nat.subnetId)")
        }
    }

    static let isolatedSubnetsHaveNoInternetRoute = Check(
        id: "isolated-subnets-have-no-internet-route", title: "isolated (database) subnets have no route to the internet", kind: .subnet,
        reads: ["ec2:DescribeSubnets", "ec2:DescribeRouteTables"], origin: "seed 000 (database tier)"
    ) { context in
        try await context.eachResource { id in
            guard let subnet = try await context.state.subnet(id) else { return .fail(id, "subnet \(id) does not exist") }
            let table = try await context.state.routeTable(governing: subnet)
            // Any route out through a gateway to the internet counts, IPv4 or IPv6, default or not.
            let outward = table?.routes.filter { route in
                switch route.target {
                case .internetGateway, .egressOnlyInternetGateway, .natGateway: true
                default: false
                }
            } ?? []
            guard let route = outward.first else { return .pass(id, "subnet \(id) has no route to the internet") }
            let destination = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock ?? route.destinationPrefixListId ?? "?"
            return .fail(id, "isolated subnet \(id) (route table \(table?.id ?? "none")) routes \(destination) to \(route.target): expected no internet route")
        }
    }

    // MARK: Gateways

    static let natGatewayAvailable = Check(
        id: "nat-gateway-available", title: "the NAT gateway is available with an Elastic IP, in a public subnet", kind: .natGateway,
        reads: ["ec2:DescribeNatGateways", "ec2:DescribeRouteTables"], origin: "seed 001 (NAT gateway with an EIP)"
    ) { context in
        try await context.eachResource { id in
            guard let nat = try await context.state.natGateway(id) else { return .fail(id, "NAT gateway \(id) does not exist") }
            guard nat.state == "available" else { return .expect(false, id, property: "state", expected: "available", actual: nat.state) }
            guard let address = nat.addresses.first(where: { $0.allocationId != nil && $0.publicIp != nil }) else {
                return .fail(id, "NAT gateway \(id) has no Elastic IP: expected a public IP from an allocation")
            }
            guard let subnet = try await context.state.subnet(nat.subnetId) else { return .fail(id, "NAT gateway \(id) sits in subnet \(nat.subnetId), which does not exist") }
            let (_, route) = try await defaultRoute(of: subnet, state: context.state)
            guard case .internetGateway = route?.target else {
                return .fail(id, "NAT gateway \(id) sits in subnet \(nat.subnetId), which has no route to an internet gateway")
            }
            return .pass(id, "NAT gateway \(id) is available at \(address.publicIp ?? "?") (\(address.allocationId ?? "?")) in public subnet \(nat.subnetId)")
        }
    }

    static let internetGatewayAttached = Check(
        id: "internet-gateway-attached", title: "the internet gateway is attached to the VPC", kind: .internetGateway,
        arguments: [.init("vpc", "the VPC id", type: .string, isMain: true)],
        reads: ["ec2:DescribeInternetGateways"], origin: "seed 000 (internet gateway of the banking VPC)"
    ) { context in
        try await context.eachResource { id in
            let gateway = try await context.state.internetGateway(id)
            let attachment = gateway?.attachments.first { $0.vpcId == context.text("vpc") }
            let actual = gateway.map { $0.attachments.map { "\($0.vpcId) (\($0.state))" }.joined(separator: ", ") } ?? "no such gateway"
            let attached = attachment.map { ["available", "attached"].contains($0.state) } ?? false
            return .expect(attached, id, property: "attachments", expected: "\(context.text("vpc")) (available)", actual: actual.isEmpty ? "none" : actual)
        }
    }

    // MARK: Network ACLs

    static let networkACLAllows = Check(
        id: "network-acl-allows", title: "the network ACL lets the given ports through, evaluating rules in order", kind: .networkAcl,
        arguments: [
            .init("ports", "TCP ports that must be allowed", type: .integers, isMain: true),
            .init("direction", "ingress or egress", type: .string, default: .text("ingress")),
            .init("from", "the source (ingress) or destination (egress) CIDR", type: .string, default: .text("0.0.0.0/0")),
        ],
        reads: ["ec2:DescribeNetworkAcls"], origin: "seed 000 (NACL rules asserted on the live ACL)"
    ) { context in
        try await context.eachResource { id in
            guard let acl = try await context.state.networkAcl(id) else { return .fail(id, "network ACL \(id) does not exist") }
            let egress = context.text("direction") == "egress"
            guard let source = IPv4Block(context.text("from")) else {
                return .fail(id, "network ACL \(id): argument `from` \(context.text("from")) is not an IPv4 CIDR block")
            }
            let rules = acl.entries.filter { $0.egress == egress }.sorted { $0.ruleNumber < $1.ruleNumber }
            let blocked = context.integers("ports").compactMap { naclVerdict(port: $0, rules: rules, source: source) }
            return .expect(blocked.isEmpty, id, property: "\(context.text("direction")) rules from \(context.text("from"))", expected: "ports \(context.integers("ports").map(String.init).joined(separator: ", ")) allowed", actual: blocked.isEmpty ? "all allowed" : "blocked: " + blocked.joined(separator: ", "))
        }
    }

    // MARK: Security groups

    static let securityGroupNoWorldIngress = Check(
        id: "security-group-no-world-ingress", title: "the security group admits the whole internet only on the allowed ports", kind: .securityGroup,
        arguments: [.init("allowed-ports", "ports that may be open to 0.0.0.0/0 or ::/0, e.g. [443]", type: .integers, default: .list([]), isMain: true)],
        reads: ["ec2:DescribeSecurityGroups"], origin: "seed 000 (security group rules never checked against AWS)"
    ) { context in
        try await context.eachResource { id in
            guard let group = try await context.state.securityGroup(id) else { return .fail(id, "security group \(id) does not exist") }
            let allowed = Set(context.integers("allowed-ports"))
            let open = group.ingress.filter { rule in
                let world = (rule.ipv4Ranges + rule.ipv6Ranges).contains { worldCIDRs.contains($0.cidr) }
                let withinAllowed = portRange(of: rule).map { range in range.allSatisfy { allowed.contains($0) } } ?? false
                return world && !withinAllowed
            }
            let described = open.map { describe($0) }
            let allowedText = allowed.isEmpty ? "none" : allowed.sorted().map(String.init).joined(separator: ", ")
            return .expect(open.isEmpty, id, property: "ingress from 0.0.0.0/0", expected: "only ports \(allowedText)", actual: open.isEmpty ? "only allowed ports" : described.joined(separator: "; "))
        }
    }

    static let securityGroupIngressOnlyFromGroups = Check(
        id: "security-group-ingress-only-from-groups", title: "the security group admits traffic only from the given security groups", kind: .securityGroup,
        arguments: [.init("groups", "the security group ids that may be sources", type: .strings, isMain: true)],
        reads: ["ec2:DescribeSecurityGroups"], origin: "seed 000 (ECS tasks reachable only from the ALB's group)"
    ) { context in
        try await context.eachResource { id in
            guard let group = try await context.state.securityGroup(id) else { return .fail(id, "security group \(id) does not exist") }
            let allowed = Set(context.list("groups"))
            let stray = group.ingress.filter { rule in
                !rule.ipv4Ranges.isEmpty || !rule.ipv6Ranges.isEmpty || !rule.prefixListIds.isEmpty
                    || rule.userIdGroupPairs.contains { !allowed.contains($0.groupId ?? "") }
            }
            return .expect(stray.isEmpty, id, property: "ingress sources", expected: "only \(allowed.sorted().joined(separator: ", "))", actual: stray.isEmpty ? "only those groups" : stray.map(describe).joined(separator: "; "))
        }
    }

    // MARK: Endpoints

    static let s3GatewayEndpointOnRouteTables = Check(
        id: "s3-gateway-endpoint-on-route-tables", title: "the S3 gateway endpoint is available and on the given route tables", kind: .vpcEndpoint,
        arguments: [.init("route-tables", "route table ids it must be associated with (the private ones)", type: .strings, isMain: true)],
        reads: ["ec2:DescribeVpcEndpoints"], origin: "seed 000 (S3 gateway endpoint for the private subnets)"
    ) { context in
        try await context.eachResource { id in
            guard let endpoint = try await context.state.vpcEndpoint(id) else { return .fail(id, "VPC endpoint \(id) does not exist") }
            guard endpoint.type.lowercased() == "gateway", endpoint.serviceName.hasSuffix(".s3") else {
                return .fail(id, "VPC endpoint \(id) is a \(endpoint.type) endpoint for \(endpoint.serviceName): expected a Gateway endpoint for S3")
            }
            let missing = context.list("route-tables").filter { !endpoint.routeTableIds.contains($0) }
            guard endpoint.state.lowercased() == "available" else { return .expect(false, id, property: "state", expected: "available", actual: endpoint.state) }
            return .expect(missing.isEmpty, id, property: "routeTableIds", expected: "including \(context.list("route-tables").joined(separator: ", "))", actual: endpoint.routeTableIds.isEmpty ? "none" : endpoint.routeTableIds.joined(separator: ", "))
        }
    }

    static let interfaceEndpointPrivateDNS = Check(
        id: "interface-endpoint-private-dns", title: "the interface endpoint is available with private DNS, in the given subnets", kind: .vpcEndpoint,
        arguments: [.init("subnets", "subnet ids it must have a network interface in; any when empty", type: .strings, default: .list([]), isMain: true)],
        reads: ["ec2:DescribeVpcEndpoints"], origin: "seed 000 (ECR api/dkr endpoints with private DNS)"
    ) { context in
        try await context.eachResource { id in
            guard let endpoint = try await context.state.vpcEndpoint(id) else { return .fail(id, "VPC endpoint \(id) does not exist") }
            guard endpoint.type.lowercased() == "interface" else { return .expect(false, id, property: "type", expected: "Interface", actual: endpoint.type) }
            guard endpoint.privateDnsEnabled == true else { return .expect(false, id, property: "privateDnsEnabled", expected: "true", actual: endpoint.privateDnsEnabled.map(String.init) ?? "absent") }
            let missing = context.list("subnets").filter { !endpoint.subnetIds.contains($0) }
            return .expect(missing.isEmpty, id, property: "subnetIds", expected: "including \(context.list("subnets").joined(separator: ", "))", actual: endpoint.subnetIds.joined(separator: ", "))
        }
    }

    static let endpointDedicatedSecurityGroup = Check(
        id: "endpoint-dedicated-security-group", title: "the interface endpoint has its own security group, not a workload's", kind: .vpcEndpoint,
        arguments: [.init("workload-groups", "security groups of workloads that the endpoint must not use", type: .strings, isMain: true)],
        reads: ["ec2:DescribeVpcEndpoints"], origin: "seed 000 (ECR endpoints reused the ECS security group)"
    ) { context in
        try await context.eachResource { id in
            guard let endpoint = try await context.state.vpcEndpoint(id) else { return .fail(id, "VPC endpoint \(id) does not exist") }
            let shared = endpoint.securityGroupIds.filter { context.list("workload-groups").contains($0) }
            let actual = endpoint.securityGroupIds.isEmpty ? "none" : endpoint.securityGroupIds.joined(separator: ", ")
            return .expect(shared.isEmpty && !endpoint.securityGroupIds.isEmpty, id, property: "securityGroupIds", expected: "a dedicated group, none of \(context.list("workload-groups").joined(separator: ", "))", actual: actual)
        }
    }

    // MARK: Shared

    /// The route table governing `subnet` and its active-or-not IPv4 default route.
    static func defaultRoute(of subnet: Subnet, state: LiveState) async throws -> (RouteTable?, Route?) {
        let table = try await state.routeTable(governing: subnet)
        return (table, table?.routes.first { $0.destinationCidrBlock == "0.0.0.0/0" })
    }

    /// Why TCP `port` from (or to) `source` is not let through `rules` (sorted by number), or `nil` when it
    /// is. Rules apply in number order: a deny touching any part of the source blocks that part; an allow
    /// decides only once it covers the whole source; what no rule allows meets the final implicit deny.
    static func naclVerdict(port: Int, rules: [NetworkAcl.Entry], source: IPv4Block) -> String? {
        for rule in rules {
            let protocolMatches = rule.protocol == "-1" || rule.protocol == "6"
            let portMatches = rule.protocol == "-1" || rule.portRange.map { ($0.from ?? 0) <= port && port <= ($0.to ?? 65535) } ?? true
            guard protocolMatches, portMatches, let block = rule.cidrBlock.flatMap(IPv4Block.init), block.overlaps(source) else { continue }
            if rule.ruleAction != "allow" { return "\(port) (denied by rule \(rule.ruleNumber))" }
            if block.contains(source) { return nil }
        }
        return "\(port) (no rule allows all of it: denied)"
    }

    /// The TCP or UDP ports a rule opens; `nil` for every other protocol (all traffic, ICMP, whose "ports"
    /// are a type and code), which no list of allowed ports covers.
    static func portRange(of rule: SecurityGroup.Permission) -> ClosedRange<Int>? {
        guard ["tcp", "udp", "6", "17"].contains(rule.ipProtocol.lowercased()) else { return nil }
        let from = rule.fromPort ?? 0
        let to = rule.toPort ?? 65535
        return from <= to ? from...to : nil
    }

    /// `tcp 22 from 0.0.0.0/0`.
    static func describe(_ rule: SecurityGroup.Permission) -> String {
        let ports = rule.ipProtocol == "-1" ? "all traffic" : "\(rule.ipProtocol) \(rule.fromPort.map(String.init) ?? "*")\(rule.toPort != rule.fromPort ? "-\(rule.toPort.map(String.init) ?? "*")" : "")"
        let sources = rule.ipv4Ranges.map(\.cidr) + rule.ipv6Ranges.map(\.cidr) + rule.prefixListIds.map(\.id) + rule.userIdGroupPairs.compactMap(\.groupId)
        return "\(ports) from \(sources.joined(separator: ", "))"
    }
}
