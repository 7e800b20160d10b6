import AWSClient
import Foundation
import Testing
@testable import StackVerify

/// Edge cases a review found, each on AWS-shaped answers: the checks decide them as AWS would.
struct ReviewedEdgeCaseTests {
    static func findings(_ checkID: String, kind: ResourceKind, id: String, arguments: [String: ArgumentValueResolved] = [:], answers: [String: String]) async throws -> [Finding] {
        let configuration = AWSConfiguration(credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "FAKESECRETEXAMPLE"), region: "us-east-1")
        let state = LiveState(client: AWSClient(configuration: configuration, transport: OperationAnswers(answers), sleep: { _ in }))
        let check = try #require(Catalogue.check(id: checkID))
        var all = arguments
        for argument in check.arguments where all[argument.name] == nil { all[argument.name] = argument.defaultValue }
        return try await check.evaluate(CheckContext(kind: kind, resourceIDs: [id], suffix: nil, state: state, arguments: all))
    }

    static func securityGroup(_ permissions: String) -> String {
        "<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-1</groupId><groupName>web</groupName><groupDescription>web</groupDescription><vpcId>vpc-1</vpcId><ipPermissions>\(permissions)</ipPermissions><ipPermissionsEgress/></item></securityGroupInfo></DescribeSecurityGroupsResponse>"
    }

    static func permission(_ proto: String, _ from: Int, _ to: Int, _ cidr: String) -> String {
        "<item><ipProtocol>\(proto)</ipProtocol><fromPort>\(from)</fromPort><toPort>\(to)</toPort><groups/><ipRanges><item><cidrIp>\(cidr)</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>"
    }

    @Test("an ICMP rule (type 8, code -1) does not crash the port logic; from the internet it counts as open")
    func icmpRule() async throws {
        let inside = try await Self.findings("security-group-no-world-ingress", kind: .securityGroup, id: "sg-1", arguments: ["allowed-ports": .list(["443"])],
            answers: ["DescribeSecurityGroups": Self.securityGroup(Self.permission("icmp", 8, -1, "10.0.0.0/8") + Self.permission("tcp", 443, 443, "0.0.0.0/0"))])
        #expect(inside.map(\.passed) == [true])
        let world = try await Self.findings("security-group-no-world-ingress", kind: .securityGroup, id: "sg-1", arguments: ["allowed-ports": .list(["443"])],
            answers: ["DescribeSecurityGroups": Self.securityGroup(Self.permission("icmp", 8, -1, "0.0.0.0/0"))])
        #expect(world.map(\.passed) == [false])
        #expect(world.first?.message.contains("icmp 8--1 from 0.0.0.0/0") == true, "\(world)")
    }

    static func networkACL(_ entries: String) -> String {
        "<DescribeNetworkAclsResponse><networkAclSet><item><networkAclId>acl-1</networkAclId><vpcId>vpc-1</vpcId><default>false</default><entrySet>\(entries)</entrySet><associationSet/></item></networkAclSet></DescribeNetworkAclsResponse>"
    }

    static func entry(_ number: Int, _ action: String, _ cidr: String, _ from: Int, _ to: Int) -> String {
        "<item><ruleNumber>\(number)</ruleNumber><protocol>6</protocol><ruleAction>\(action)</ruleAction><egress>false</egress><cidrBlock>\(cidr)</cidrBlock><portRange><from>\(from)</from><to>\(to)</to></portRange></item>"
    }

    @Test("a lower-numbered deny of part of the source blocks the port, as AWS evaluates NACLs")
    func partialDeny() async throws {
        let findings = try await Self.findings("network-acl-allows", kind: .networkAcl, id: "acl-1", arguments: ["ports": .list(["443"])],
            answers: ["DescribeNetworkAcls": Self.networkACL(Self.entry(50, "deny", "203.0.113.0/24", 443, 443) + Self.entry(100, "allow", "0.0.0.0/0", 443, 443))])
        #expect(findings.map(\.passed) == [false])
        #expect(findings.first?.message.contains("443 (denied by rule 50)") == true, "\(findings)")
        let allowed = try await Self.findings("network-acl-allows", kind: .networkAcl, id: "acl-1", arguments: ["ports": .list(["443"])],
            answers: ["DescribeNetworkAcls": Self.networkACL(Self.entry(100, "allow", "0.0.0.0/0", 443, 443) + Self.entry(200, "deny", "203.0.113.0/24", 443, 443))])
        #expect(allowed.map(\.passed) == [true])
    }

    @Test("an isolated subnet with an IPv6 route to an egress-only gateway is not isolated")
    func isolatedIPv6() async throws {
        let findings = try await Self.findings("isolated-subnets-have-no-internet-route", kind: .subnet, id: "subnet-1", answers: [
            "DescribeSubnets": "<DescribeSubnetsResponse><subnetSet><item><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><cidrBlock>10.0.1.0/24</cidrBlock><availabilityZone>us-east-1a</availabilityZone><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><state>available</state><defaultForAz>false</defaultForAz></item></subnetSet></DescribeSubnetsResponse>",
            "DescribeRouteTables": "<DescribeRouteTablesResponse><routeTableSet><item><routeTableId>rtb-1</routeTableId><vpcId>vpc-1</vpcId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item><item><destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><egressOnlyInternetGatewayId>eigw-1</egressOnlyInternetGatewayId><state>active</state></item></routeSet><associationSet><item><routeTableAssociationId>rtbassoc-1</routeTableAssociationId><subnetId>subnet-1</subnetId><main>false</main></item></associationSet></item></routeTableSet></DescribeRouteTablesResponse>",
        ])
        #expect(findings.map(\.passed) == [false])
        #expect(findings.first?.message.contains("routes ::/0 to egress-only internet gateway eigw-1") == true, "\(findings)")
    }

    @Test("a service whose older deployment still runs the tasks is not settled, even when running = desired")
    func olderDeploymentRunning() async throws {
        let service = #"{"services":[{"serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/lms/api","serviceName":"api","desiredCount":2,"runningCount":2,"pendingCount":0,"deployments":[{"status":"PRIMARY","rolloutState":"IN_PROGRESS","runningCount":0,"desiredCount":2},{"status":"ACTIVE","runningCount":2,"desiredCount":2}]}],"failures":[]}"#
        let findings = try await Self.findings("ecs-service-running-desired", kind: .ecsService, id: "lms/api", arguments: ["settle-seconds": .text("0")], answers: ["DescribeServices": service])
        #expect(findings.map(\.passed) == [false])
        #expect(findings.first?.message.contains("deployments: PRIMARY IN_PROGRESS, ACTIVE") == true, "\(findings)")
    }

    @Test("a lifecycle rule for one prefix does not satisfy a bucket-wide lifecycle")
    func prefixLifecycle() async throws {
        let findings = try await Self.findings("bucket-lifecycle", kind: .bucket, id: "logs", answers: S3Answers.lifecycle(prefix: "tmp/"))
        #expect(findings.map(\.passed) == [false])
        #expect(findings.first?.message.contains("(only prefix tmp/)") == true, "\(findings)")
    }

    @Test("a bracketed path segment keeps its dots, for tag keys like kubernetes.io/role/elb")
    func bracketedPath() throws {
        let spec = try SpecParser.parse("resources:\n  - name: s\n    type: subnet\n    id: subnet-1\n    expect:\n      tags[kubernetes.io/role/elb]: \"1\"\n      tags.Name: x\n", path: "spec.yaml")
        #expect(spec.resources[0].expectations.map(\.path) == [["tags", "kubernetes.io/role/elb"], ["tags", "Name"]])
    }

    @Test("a one-item list output equals a one-item list property")
    func oneItemList() {
        let expectation = ResolvedExpectation(path: ["securityGroupIds"], matcher: .equals(["sg-1"]))
        #expect(ExpectationEvaluator.problem(expectation, in: .object(["securityGroupIds": .array([.string("sg-1")])])) == nil)
        #expect(ExpectationEvaluator.problem(expectation, in: .object(["securityGroupIds": .array([.string("sg-2")])])) != nil)
    }

    @Test("specs that would check nothing, or everything, are refused", arguments: [
        ("resources: []\n", "`resources` is empty"),
        ("resources:\n  - name: v\n    type: vpc\n    tags: {}\n", "`tags` is empty"),
    ])
    func vacuousSpecs(text: String, message: String) throws {
        let errors = try #require(throws: SpecErrors.self) { try SpecParser.parse(text, path: "spec.yaml") }
        #expect(errors.description.contains(message), "\(errors)")
    }

    @Test("`- check:` with nothing after it leaves a required argument missing")
    func nullArgument() throws {
        let spec = try SpecParser.parse("resources:\n  - name: v\n    type: vpc\n    id: vpc-1\n    checks:\n      - vpc-cidr:\n", path: "spec.yaml")
        let errors = try #require(throws: SpecErrors.self) { try SpecBinder.bind(spec, outputs: StackOutputs(path: "o.json", stackName: nil, values: [:]), suffix: nil) }
        #expect(errors.description.contains("check `vpc-cidr` needs argument `cidr`"))
    }

    @Test("a suffix put into a regular expression matches only itself")
    func escapedSuffix() throws {
        let spec = try SpecParser.parse("resources:\n  - name: v\n    type: vpc\n    id: vpc-1\n    expect:\n      tags.Name: {matches: \"-${suffix}$\"}\n", path: "spec.yaml")
        let plan = try SpecBinder.bind(spec, outputs: StackOutputs(path: "o.json", stackName: nil, values: [:]), suffix: "pr.1")
        guard case let .matches(pattern) = plan.entries[0].expectations[0].matcher else { Issue.record("expected matches"); return }
        #expect(pattern == #"-pr\.1$"#)
    }

    @Test("a check used twice on one entry gives two test cases, each running its own use")
    func repeatedChecks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("repeat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let spec = directory.appendingPathComponent("spec.yaml")
        let outputs = directory.appendingPathComponent("outputs.json")
        try "resources:\n  - name: acl\n    type: network-acl\n    id: acl-1\n    checks:\n      - network-acl-allows: [443]\n      - network-acl-allows: {ports: [1024], direction: egress}\n".write(to: spec, atomically: true, encoding: .utf8)
        try "{}".write(to: outputs, atomically: true, encoding: .utf8)
        let stack = LiveStack(VerificationInputs(specPath: spec.path, outputsPath: outputs.path, environment: [:]), environment: ["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1", "HOME": "/nonexistent"])
        #expect(stack.cases.map(\.description) == ["acl: resources", "acl: network-acl-allows", "acl: network-acl-allows #2"])
    }
}

/// S3 answers for bucket checks on recorded shapes.
enum S3Answers {
    /// A bucket that exists, with one lifecycle rule limited to `prefix`.
    static func lifecycle(prefix: String) -> [String: String] {
        ["HeadBucket": "", "GetBucketLifecycleConfiguration": "<LifecycleConfiguration><Rule><ID>tmp</ID><Filter><Prefix>\(prefix)</Prefix></Filter><Status>Enabled</Status><Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition></Rule></LifecycleConfiguration>"]
    }
}
