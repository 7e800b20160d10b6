import Foundation
import Testing
@testable import StackVerify

/// Reading specs: the structure, and every structural fault with its line.
struct SpecParserTests {
    @Test("a spec reads into entries with selectors, expectations and checks")
    func readsSpec() throws {
        let spec = try SpecParser.parse("""
        version: 1
        stack: banking
        resources:
          - name: vpc
            type: vpc
            id: ${outputs.vpc_id}
            expect:
              cidrBlock: 10.50.0.0/16
              state: {oneOf: [available, pending]}
              tags.Name: {matches: "^banking-vpc-${suffix}$"}
            checks:
              - vpc-dns-enabled
          - name: private subnets
            type: subnet
            ids: ${outputs.private_subnet_ids}
            count: 3
            expect:
              ipv4Ranges: {each: {cidr: {contains: "10.50"}}}
            checks:
              - subnets-span-availability-zones: {minimum: 3}
              - log-group-encrypted-with: ${outputs.kms_key_arn}
        """, path: "banking.yaml")
        #expect(spec.stack == "banking")
        #expect(spec.resources.map(\.name) == ["vpc", "private subnets"])
        let vpc = spec.resources[0]
        #expect(vpc.expectations.map(\.pathText) == ["cidrBlock", "state", "tags.Name"])
        guard case let .ids(ids) = vpc.selector else { Issue.record("expected ids"); return }
        #expect(ids.map(\.value.outputKeys) == [["vpc_id"]])
        #expect(spec.resources[1].count == 3)
        #expect(spec.resources[1].checks.map(\.id) == ["subnets-span-availability-zones", "log-group-encrypted-with"])
        #expect(spec.resources[1].checks[1].arguments[""] != nil)
        #expect(spec.resources[1].checks[0].location.line == 20)
    }

    @Test("structural faults are all reported, each with its line", arguments: [
        ("resources:\n  - name: a\n    type: vpc\n", "banking.yaml:2:5: resource `a` says neither `id`/`ids` nor `tags`: how is it found?"),
        ("resources:\n  - name: a\n    type: vpc\n    id: x\n    colour: red\n", "banking.yaml:5:5: unknown key `colour` in a resource entry"),
        ("resources:\n  - name: a\n    type: vpc\n    id: ${output.vpc_id}\n", "banking.yaml:4:9: unknown reference `${output.vpc_id}`"),
        ("resources:\n  - name: a\n    type: vpc\n    id: x\n    expect:\n      state: {near: available}\n", "banking.yaml:6:15: unknown matcher `near`"),
        ("resources:\n  - name: a\n    type: vpc\n    id: x\n  - name: a\n    type: vpc\n    id: y\n", "banking.yaml:5:5: resource name `a` is used twice (first at line 2)"),
        ("stack: x\n", "banking.yaml:1:1: the spec has no `resources:` list"),
        ("resources: [\n", "banking.yaml:2:1: not valid YAML"),
    ])
    func structuralFaults(text: String, expected: String) throws {
        let errors = try #require(throws: SpecErrors.self) { try SpecParser.parse(text, path: "banking.yaml") }
        #expect(errors.errors.contains { $0.description.hasPrefix(expected) }, "got: \(errors)")
    }

    @Test("a spec file that is not there is a spec error naming it")
    func missingFile() throws {
        let errors = try #require(throws: SpecErrors.self) { try SpecParser.load(path: "/no/such/spec.yaml") }
        #expect(errors.description.contains("/no/such/spec.yaml"))
    }
}
