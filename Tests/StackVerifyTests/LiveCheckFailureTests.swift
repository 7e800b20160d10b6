import AWSClient
import Foundation
import Testing
@testable import StackVerify

/// Whether the fixture stacks scripts/test deploys are there (or this is CI, where their absence fails).
enum FixtureOutputs {
    static let environment = ProcessInfo.processInfo.environment
    static let shouldRun = environment["STACKVERIFY_BANKING_OUTPUTS"] != nil || environment["CI"]?.lowercased() == "true"
}

/// Every check can fail: for each one, a spec that asks a deployed fixture stack for what it is not, and
/// the message the failure must carry. Checks whose failing state the emulator cannot be put in are
/// proven on recorded answers (RecordedCheckFailureTests); docs/detection.md proves the seeded defects.
@Suite("every check fails where the live stack is not what the spec asks", .enabled(if: FixtureOutputs.shouldRun, "no fixture stacks: run scripts/test"))
struct LiveCheckFailureTests {
    static let environment = FixtureOutputs.environment

    struct Case: Sendable, CustomTestStringConvertible {
        var check: String
        var stack: String
        var type: String
        var id: String
        var use: String
        var message: String
        var suffix: String?
        var testDescription: String { check }
    }

    static let cases: [Case] = [
        Case(check: "vpc-cidr", stack: "banking", type: "vpc", id: "${outputs.vpc_id}", use: "vpc-cidr: 10.99.0.0/16", message: "cidrBlock: expected 10.99.0.0/16, found 10.50.0.0/16"),
        Case(check: "flow-logs-enabled", stack: "banking", type: "vpc", id: "${outputs.vpc_id}", use: "flow-logs-enabled: {intervals: [60]}", message: "maxAggregationInterval 600 (expected one of 60)"),
        Case(check: "subnets-span-availability-zones", stack: "banking", type: "subnet", id: "${outputs.public_subnet_ids}", use: "subnets-span-availability-zones: 4", message: "availability zones: expected at least 4, found 3"),
        Case(check: "subnets-inside-vpc", stack: "banking", type: "subnet", id: "${outputs.public_subnet_ids}", use: "subnets-inside-vpc: vpc-00000000000000000", message: "VPC vpc-00000000000000000 does not exist"),
        Case(check: "subnets-map-public-ip", stack: "banking", type: "subnet", id: "${outputs.private_subnet_ids}", use: "subnets-map-public-ip: true", message: "mapPublicIpOnLaunch: expected true, found false"),
        Case(check: "public-subnets-route-to-internet-gateway", stack: "banking", type: "subnet", id: "${outputs.private_subnet_ids}", use: "public-subnets-route-to-internet-gateway", message: "routes 0.0.0.0/0 to NAT gateway nat-"),
        Case(check: "private-subnets-route-through-nat", stack: "banking", type: "subnet", id: "${outputs.public_subnet_ids}", use: "private-subnets-route-through-nat", message: "routes 0.0.0.0/0 to internet gateway igw-"),
        Case(check: "isolated-subnets-have-no-internet-route", stack: "banking", type: "subnet", id: "${outputs.private_subnet_ids}", use: "isolated-subnets-have-no-internet-route", message: "expected no internet route"),
        Case(check: "internet-gateway-attached", stack: "banking", type: "internet-gateway", id: "${outputs.internet_gateway_id}", use: "internet-gateway-attached: vpc-00000000000000000", message: "attachments: expected vpc-00000000000000000 (available), found vpc-"),
        Case(check: "network-acl-allows", stack: "banking", type: "network-acl", id: "${outputs.public_network_acl_id}", use: "network-acl-allows: [22]", message: "expected ports 22 allowed, found blocked: 22"),
        Case(check: "security-group-no-world-ingress", stack: "banking", type: "security-group", id: "${outputs.alb_security_group_id}", use: "security-group-no-world-ingress: [443]", message: "expected only ports 443, found tcp 80 from 0.0.0.0/0"),
        Case(check: "security-group-ingress-only-from-groups", stack: "banking", type: "security-group", id: "${outputs.alb_security_group_id}", use: "security-group-ingress-only-from-groups: [sg-00000000000000000]", message: "ingress sources: expected only sg-00000000000000000"),
        Case(check: "s3-gateway-endpoint-on-route-tables", stack: "banking", type: "vpc-endpoint", id: "${outputs.s3_endpoint_id}", use: "s3-gateway-endpoint-on-route-tables: [\"${outputs.public_route_table_id}\"]", message: "routeTableIds: expected including rtb-"),
        Case(check: "interface-endpoint-private-dns", stack: "banking", type: "vpc-endpoint", id: "${outputs.s3_endpoint_id}", use: "interface-endpoint-private-dns", message: "type: expected Interface, found Gateway"),
        Case(check: "endpoint-dedicated-security-group", stack: "banking", type: "vpc-endpoint", id: "${outputs.ecr_api_endpoint_id}", use: "endpoint-dedicated-security-group: [\"${outputs.vpc_endpoint_security_group_id}\"]", message: "securityGroupIds: expected a dedicated group, none of sg-"),
        Case(check: "bucket-encrypted-with-kms", stack: "banking", type: "bucket", id: "${outputs.flow_logs_bucket_name}", use: "bucket-encrypted-with-kms: arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000", message: "default encryption: expected aws:kms with arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000, found aws:kms with"),
        Case(check: "name-carries-suffix", stack: "banking", type: "vpc", id: "${outputs.vpc_id}", use: "name-carries-suffix", message: "tag Name: expected containing zz-other, found banking-vpc-", suffix: "zz-other"),
        Case(check: "bucket-versioning-enabled", stack: "encryption", type: "bucket", id: "${outputs.data_bucket_name}", use: "bucket-versioning-enabled", message: "versioning: expected Enabled, found never enabled"),
        Case(check: "bucket-public-access-blocked", stack: "encryption", type: "bucket", id: "${outputs.data_bucket_name}", use: "bucket-public-access-blocked", message: "public access block: expected all four true, found none configured"),
        Case(check: "bucket-lifecycle", stack: "storage", type: "bucket", id: "${outputs.transaction_logs_bucket_name}", use: "bucket-lifecycle: DEEP_ARCHIVE", message: "lifecycle: expected Enabled whole-bucket rules transitioning to DEEP_ARCHIVE, found archive-then-expire Enabled: GLACIER at 90"),
        Case(check: "bucket-denies-insecure-transport", stack: "storage", type: "bucket", id: "${outputs.replica_bucket_name}", use: "bucket-denies-insecure-transport", message: "found no bucket policy"),
        Case(check: "bucket-replicates-to", stack: "storage", type: "bucket", id: "${outputs.transaction_logs_bucket_name}", use: "bucket-replicates-to: nowhere-bucket", message: "replication: expected an Enabled whole-bucket rule to arn:aws:s3:::nowhere-bucket, found"),
        Case(check: "bucket-tagged", stack: "storage", type: "bucket", id: "${outputs.transaction_logs_bucket_name}", use: "bucket-tagged: [CostCenter]", message: "tags: expected keys CostCenter, found missing CostCenter"),
        Case(check: "kms-key-policy-grants-service", stack: "storage", type: "kms-key", id: "${outputs.kms_key_arn}", use: "kms-key-policy-grants-service: ecs-tasks.amazonaws.com", message: "policy: expected an Allow of kms:Encrypt*, kms:Decrypt*, kms:GenerateDataKey* to ecs-tasks.amazonaws.com, found none"),
        Case(check: "log-group-retention", stack: "encryption", type: "log-group", id: "${outputs.log_group_name}", use: "log-group-retention: 7", message: "retentionInDays: expected 7, found 90"),
        Case(check: "log-group-encrypted-with", stack: "lms", type: "log-group", id: "${outputs.log_group_name}", use: "log-group-encrypted-with: arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000", message: "kmsKeyId: expected arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000, found none"),
        Case(check: "ecs-service-private-networking", stack: "lms", type: "ecs-service", id: "${outputs.ecs_service_arn}", use: "ecs-service-private-networking: ${outputs.public_subnet_ids}", message: "subnets: expected within subnet-"),
    ]

    @Test("the check fails naming the resource, the property, the expected and the actual value", arguments: cases)
    func fails(testCase: Case) async throws {
        let outputs = try #require(Self.environment["STACKVERIFY_\(testCase.stack.uppercased())_OUTPUTS"], "scripts/test exports STACKVERIFY_\(testCase.stack.uppercased())_OUTPUTS")
        let spec = FileManager.default.temporaryDirectory.appendingPathComponent("fail-\(testCase.check)-\(UUID().uuidString).yaml")
        try "resources:\n  - name: probe\n    type: \(testCase.type)\n    ids: \(testCase.id)\n    checks:\n      - \(testCase.use)\n".write(to: spec, atomically: true, encoding: .utf8)
        let plan = try VerificationInputs(specPath: spec.path, outputsPath: outputs, suffix: testCase.suffix).plan()
        let report = await Verifier(client: AWSClient(configuration: try AWSConfiguration.resolve())).verify(plan)
        let failures = report.results.filter { $0.check == testCase.check && $0.status == .failed }
        #expect(!failures.isEmpty, "no failure of \(testCase.check): \(report.results.map(\.message))")
        #expect(report.results.allSatisfy { $0.status != .error }, "\(report.results.filter { $0.status == .error }.map(\.message))")
        for failure in failures {
            #expect(failure.message.contains(testCase.message), "message: \(failure.message)")
            #expect(failure.resource.map { failure.message.contains($0) || $0.contains(" ") } == true, "the message does not name \(failure.resource ?? "a resource"): \(failure.message)")
        }
    }

    @Test("every check of the catalogue has a failing case here or on recorded answers")
    func everyCheckCanFail() {
        let covered = Set(Self.cases.map(\.check) + RecordedCheckFailureTests.cases.map(\.check))
        let uncovered = Catalogue.checks.map(\.id).filter { !covered.contains($0) }
        #expect(uncovered.isEmpty, "checks without a failing case: \(uncovered)")
    }
}
