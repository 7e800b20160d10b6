import AWSClient
import Foundation
import Synchronization
import Testing
@testable import StackVerify

/// Answers each call by its operation name with an answer in AWS's shape: for states the emulator
/// cannot be put in (a NAT gateway still pending, an inactive cluster, a key without rotation).
final class OperationAnswers: HTTPTransport {
    private let answers: [String: String]

    init(_ answers: [String: String]) {
        self.answers = answers
    }

    /// S3 names its operations by method and sub-resource: `HEAD` is HeadBucket, `GET ?lifecycle` is
    /// GetBucketLifecycleConfiguration.
    static func s3Operation(_ request: HTTPRequest) -> String {
        if request.method == "HEAD" { return "HeadBucket" }
        let names = ["lifecycle": "GetBucketLifecycleConfiguration", "encryption": "GetBucketEncryption", "versioning": "GetBucketVersioning", "policy": "GetBucketPolicy", "replication": "GetBucketReplication", "tagging": "GetBucketTagging", "publicAccessBlock": "GetPublicAccessBlock"]
        let subresource = String(request.query.split(separator: "&").first?.split(separator: "=").first ?? "")
        return names[subresource] ?? "GET ?\(subresource)"
    }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let body = String(decoding: request.body, as: UTF8.self)
        let operation = request.headers["X-Amz-Target"]?.split(separator: ".").last.map(String.init)
            ?? body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) }
            ?? Self.s3Operation(request)
        let key = operation == "DescribeVpcAttribute" ? (body.contains("enableDnsHostnames") ? "DescribeVpcAttribute:hostnames" : "DescribeVpcAttribute:support") : operation
        guard let answer = answers[key] else {
            return HTTPResponse(status: 400, body: Data(#"{"__type":"ValidationException","message":"no recorded answer for \#(key)"}"#.utf8))
        }
        return HTTPResponse(status: 200, body: Data(answer.utf8))
    }
}

/// Checks whose failing state the emulator cannot represent fail on recorded AWS answers, with a message
/// naming the resource, the property, the expected and the actual value.
struct RecordedCheckFailureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var check: String
        var kind: ResourceKind
        var id: String
        var arguments: [String: ArgumentValueResolved] = [:]
        var answers: [String: String]
        var message: String
        var testDescription: String { check }
    }

    static let natPending = """
    <DescribeNatGatewaysResponse><natGatewaySet><item><natGatewayId>nat-0pending</natGatewayId><vpcId>vpc-1</vpcId><subnetId>subnet-1</subnetId><state>pending</state><natGatewayAddressSet/></item></natGatewaySet></DescribeNatGatewaysResponse>
    """
    static let keyARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static func key(state: String, rotation: Bool) -> [String: String] {
        [
            "DescribeKey": #"{"KeyMetadata":{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Arn":"\#(keyARN)","KeyState":"\#(state)","Enabled":\#(state == "Enabled")}}"#,
            "GetKeyRotationStatus": #"{"KeyRotationEnabled":\#(rotation)}"#,
            "GetKeyPolicy": #"{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","PolicyName":"default"}"#,
            "ListResourceTags": #"{"Tags":[],"Truncated":false}"#,
        ]
    }
    static func cluster(status: String, insights: String) -> String {
        #"{"clusters":[{"clusterArn":"arn:aws:ecs:us-east-1:123456789012:cluster/lms","clusterName":"lms","status":"\#(status)","settings":[{"name":"containerInsights","value":"\#(insights)"}]}],"failures":[]}"#
    }
    static func service(launchType: String, running: Int, desired: Int) -> String {
        #"{"services":[{"serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/lms/api","serviceName":"api","clusterArn":"arn:aws:ecs:us-east-1:123456789012:cluster/lms","status":"ACTIVE","desiredCount":\#(desired),"runningCount":\#(running),"pendingCount":\#(desired - running),"launchType":"\#(launchType)","taskDefinition":"arn:aws:ecs:us-east-1:123456789012:task-definition/api:1"}],"failures":[]}"#
    }

    static let cases: [Case] = [
        Case(check: "vpc-dns-enabled", kind: .vpc, id: "vpc-1", answers: [
            "DescribeVpcAttribute:support": "<DescribeVpcAttributeResponse><vpcId>vpc-1</vpcId><enableDnsSupport><value>true</value></enableDnsSupport></DescribeVpcAttributeResponse>",
            "DescribeVpcAttribute:hostnames": "<DescribeVpcAttributeResponse><vpcId>vpc-1</vpcId><enableDnsHostnames><value>false</value></enableDnsHostnames></DescribeVpcAttributeResponse>",
        ], message: "vpc-1 DNS attributes: expected both true, found enableDnsSupport=true, enableDnsHostnames=false"),
        Case(check: "nat-gateway-available", kind: .natGateway, id: "nat-0pending", answers: ["DescribeNatGateways": natPending],
             message: "nat-0pending state: expected available, found pending"),
        Case(check: "kms-key-enabled", kind: .kmsKey, id: keyARN, answers: key(state: "PendingDeletion", rotation: true),
             message: "\(keyARN) keyState: expected Enabled, found PendingDeletion"),
        Case(check: "kms-key-rotation-enabled", kind: .kmsKey, id: keyARN, answers: key(state: "Enabled", rotation: false),
             message: "\(keyARN) keyRotationEnabled: expected true, found false"),
        Case(check: "ecs-cluster-active", kind: .ecsCluster, id: "lms", answers: ["DescribeClusters": cluster(status: "INACTIVE", insights: "enabled")],
             message: "lms status: expected ACTIVE, found INACTIVE"),
        Case(check: "ecs-container-insights-enabled", kind: .ecsCluster, id: "lms", answers: ["DescribeClusters": cluster(status: "ACTIVE", insights: "disabled")],
             message: "lms setting containerInsights: expected enabled, found disabled"),
        Case(check: "ecs-service-running-desired", kind: .ecsService, id: "lms/api", arguments: ["settle-seconds": .text("0"), "poll-seconds": .text("1")],
             answers: ["DescribeServices": service(launchType: "FARGATE", running: 1, desired: 2)],
             message: "lms/api task counts: expected running = desired > 0, no failed or older deployment, within 0 s, found running 1, desired 2, pending 1; deployments: none"),
        Case(check: "ecs-service-on-fargate", kind: .ecsService, id: "lms/api", answers: ["DescribeServices": service(launchType: "EC2", running: 2, desired: 2)],
             message: "lms/api launchType: expected FARGATE, found EC2"),
    ]

    @Test("the check fails with a message naming resource, property, expected and actual", arguments: cases)
    func fails(testCase: Case) async throws {
        let configuration = AWSConfiguration(credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "FAKESECRETEXAMPLE"), region: "us-east-1")
        let state = LiveState(client: AWSClient(configuration: configuration, transport: OperationAnswers(testCase.answers), sleep: { _ in }))
        let check = try #require(Catalogue.check(id: testCase.check))
        var arguments = testCase.arguments
        for argument in check.arguments where arguments[argument.name] == nil {
            arguments[argument.name] = argument.defaultValue
        }
        let findings = try await check.evaluate(CheckContext(kind: testCase.kind, resourceIDs: [testCase.id], suffix: nil, state: state, arguments: arguments))
        #expect(findings.map(\.passed) == [false])
        #expect(findings.first?.message == testCase.message)
    }
}
