import Foundation
import Testing
@testable import StackVerify

/// Binding a spec to outputs and the catalogue: every name is checked before any AWS call.
struct SpecBinderTests {
    static let outputs = StackOutputs(path: "flat-outputs.json", stackName: nil, values: [
        "vpc_id": .string("vpc-1"), "private_subnet_ids": .list(["subnet-a", "subnet-b"]), "environment_suffix": .string("pr7"),
    ])

    static func bind(_ yaml: String, suffix: String? = "pr7") throws -> Plan {
        try SpecBinder.bind(try SpecParser.parse(yaml, path: "spec.yaml"), outputs: outputs, suffix: suffix)
    }

    @Test("outputs and the suffix fill ids, tags, expectations and arguments; list outputs expand")
    func resolves() throws {
        let plan = try Self.bind("""
        resources:
          - name: private
            type: subnet
            ids: ${outputs.private_subnet_ids}
            checks:
              - subnets-inside-vpc: ${outputs.vpc_id}
          - name: tagged
            type: vpc
            tags: {Name: "banking-vpc-${suffix}"}
            expect:
              tags.Name: {matches: "-${suffix}$"}
        """)
        #expect(plan.entries[0].selector == .ids(["subnet-a", "subnet-b"]))
        #expect(plan.entries[0].checks[0].arguments["vpc"] == .text("vpc-1"))
        #expect(plan.entries[1].selector == .tags(["Name": "banking-vpc-pr7"]))
        guard case let .matches(pattern) = plan.entries[1].expectations[0].matcher else { Issue.record("expected matches"); return }
        #expect(pattern == "-pr7$")
    }

    @Test("defaults fill arguments the spec leaves out")
    func defaults() throws {
        let plan = try Self.bind("resources:\n  - name: v\n    type: vpc\n    id: x\n    checks: [flow-logs-enabled]\n")
        #expect(plan.entries[0].checks[0].arguments["traffic"] == .text("ALL"))
        #expect(plan.entries[0].checks[0].arguments["intervals"] == .list(["60", "600"]))
    }

    @Test("every unknown name is a spec error at its line, all reported together", arguments: [
        ("    type: vcp\n    id: x\n", "spec.yaml:3:11: unknown resource type `vcp`; known types: vpc, subnet"),
        ("    type: vpc\n    id: x\n    expect:\n      cidr: 10.0.0.0/16\n", "spec.yaml:6:7: `vpc` has no property `cidr`; its properties:"),
        ("    type: vpc\n    id: x\n    checks: [vpc-dns]\n", "spec.yaml:5:14: unknown check `vpc-dns`; checks for `vpc`: vpc-cidr, vpc-dns-enabled"),
        ("    type: subnet\n    id: x\n    checks: [vpc-dns-enabled]\n", "spec.yaml:5:14: check `vpc-dns-enabled` applies to `vpc` resources, not `subnet`"),
        ("    type: vpc\n    id: x\n    checks:\n      - flow-logs-enabled: {trafic: ALL}\n", "spec.yaml:6:29: check `flow-logs-enabled` has no argument `trafic`"),
        ("    type: vpc\n    id: x\n    checks: [vpc-cidr]\n", "spec.yaml:5:14: check `vpc-cidr` needs argument `cidr`"),
        ("    type: subnet\n    id: x\n    checks:\n      - subnets-span-availability-zones: three\n", "spec.yaml:6:42: argument `minimum` of `subnets-span-availability-zones` takes whole numbers"),
        ("    type: vpc\n    id: ${outputs.vpcid_typo}\n", "spec.yaml:4:9: Outputs file flat-outputs.json has no output 'vpcid_typo'; it has: environment_suffix, private_subnet_ids, vpc_id."),
        ("    type: bucket\n    tags: {Name: x}\n", "spec.yaml:2:5: `bucket` resources cannot be found by tags"),
    ])
    func unknownNames(body: String, expected: String) throws {
        let errors = try #require(throws: SpecErrors.self) { try Self.bind("resources:\n  - name: r\n" + body) }
        #expect(errors.errors.contains { $0.description.hasPrefix(expected) }, "got: \(errors)")
    }

    @Test("${suffix} without a known suffix is a spec error saying how to give one")
    func missingSuffix() throws {
        let errors = try #require(throws: SpecErrors.self) { try Self.bind("resources:\n  - name: r\n    type: vpc\n    tags: {Name: \"x-${suffix}\"}\n", suffix: nil) }
        #expect(errors.description.contains("pass --suffix or set ENVIRONMENT_SUFFIX"))
    }

    @Test("several faults come back together")
    func collectsAll() throws {
        let errors = try #require(throws: SpecErrors.self) {
            try Self.bind("resources:\n  - name: a\n    type: nope\n    id: x\n  - name: b\n    type: vpc\n    id: ${outputs.missing}\n    checks: [no-such-check]\n")
        }
        #expect(errors.errors.count == 3)
    }

    @Test("every resource type's property names come from its model")
    func propertySchemas() {
        #expect(ResourceKind.vpc.propertyNames.isSuperset(of: ["id", "cidrBlock", "tags", "enableDnsHostnames", "enableDnsSupport"]))
        #expect(ResourceKind.routeTable.propertyPaths.contains("routes[].natGatewayId"))
        for kind in ResourceKind.allCases {
            #expect(!kind.propertyNames.isEmpty, "\(kind) has no properties")
        }
    }
}

/// CloudFormation writes lists as comma-joined strings; where a spec wants a list they are split.
struct CloudFormationListTests {
    @Test("a comma-joined output fills `ids` and list arguments item by item")
    func commaJoinedLists() throws {
        let outputs = StackOutputs(path: "outputs.json", stackName: "TapStackpr1", values: [
            "VpcId": .string("vpc-1"), "PrivateSubnetIds": .string("subnet-a,subnet-b"),
        ])
        let spec = try SpecParser.parse("""
        resources:
          - name: private
            type: subnet
            ids: ${outputs.private_subnet_ids}
          - name: service
            type: ecs-service
            id: cluster/service
            checks:
              - ecs-service-private-networking: ${outputs.private_subnet_ids}
          - name: vpc
            type: vpc
            id: ${outputs.vpc_id}
            checks:
              - vpc-cidr: ${outputs.vpc_id}
        """, path: "spec.yaml")
        let plan = try SpecBinder.bind(spec, outputs: outputs, suffix: "pr1")
        #expect(plan.entries[0].selector == .ids(["subnet-a", "subnet-b"]))
        #expect(plan.entries[1].checks[0].arguments["subnets"] == .list(["subnet-a", "subnet-b"]))
        #expect(plan.entries[2].checks[0].arguments["cidr"] == .text("vpc-1"))
    }
}
