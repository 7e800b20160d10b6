import AWSClient
import AWSServices
import Foundation
import Testing

/// One read of each service and STS, through the Swift client, against the emulator with signature
/// checking and IAM on, as the read-only identity whose policy is docs/iam-policy.json.
@Suite("live: the emulator accepts signed reads of every service", .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason))
struct LiveServiceTests {
    @Test("STS names the read-only identity")
    func callerIdentity() async throws {
        let identity = try await STS(client: LiveEmulator.client()).callerIdentity()
        #expect(identity.arn.hasSuffix(":user/stackverify-readonly"))
        #expect(identity.account.count == 12)
    }

    @Test("EC2 DescribeVpcs finds the demo VPC")
    func ec2() async throws {
        let vpcs = try await EC2(client: LiveEmulator.client()).vpcs(filters: [.init(name: "cidr", values: ["10.50.0.0/16"])])
        #expect(vpcs.contains { $0.cidrBlock == "10.50.0.0/16" })
    }

    @Test("S3 ListBuckets finds the demo bucket")
    func s3() async throws {
        let buckets = try await S3(client: LiveEmulator.client()).buckets()
        #expect(buckets.contains { $0.name.hasPrefix("stackverify-demo-") })
    }

    @Test("KMS ListAliases finds the demo key's alias")
    func kms() async throws {
        let aliases = try await KMS(client: LiveEmulator.client()).aliases()
        #expect(aliases.contains { $0.aliasName.hasPrefix("alias/stackverify-demo-") && $0.targetKeyId != nil })
    }

    @Test("CloudWatch Logs DescribeLogGroups finds the demo log group by prefix")
    func logs() async throws {
        let groups = try await CloudWatchLogs(client: LiveEmulator.client()).logGroups(prefix: "/stackverify/demo/")
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { $0.logGroupName.hasPrefix("/stackverify/demo/") })
    }

    @Test("ECS ListClusters finds the demo cluster")
    func ecs() async throws {
        let clusters = try await ECS(client: LiveEmulator.client()).clusterARNs()
        #expect(clusters.contains { $0.contains("stackverify-demo-") })
    }

    @Test("a wrong secret is refused by the server, once, as an auth error")
    func wrongSecretRefused() async throws {
        var configuration = try LiveEmulator.configuration()
        configuration.credentials.secretAccessKey = "WRONGSECRETFAKEWRONGSECRETFAKEWRONGSECRE"
        let client = AWSClient(configuration: configuration)
        for call in [{ _ = try await STS(client: client).callerIdentity() }, { _ = try await EC2(client: client).vpcs() }, { _ = try await KMS(client: client).aliases() }] as [@Sendable () async throws -> Void] {
            let error = try await #require(throws: AWSError.self) { try await call() }
            #expect(error.kind == .auth, "\(error)")
            #expect(error.attempts == 1)
            #expect(!error.description.contains("WRONGSECRET"))
        }
    }

    @Test("an identity without a permission is refused with AccessDenied naming the action")
    func unknownAccessKeyRefused() async throws {
        var configuration = try LiveEmulator.configuration()
        configuration.credentials = Credentials(accessKeyID: "AKIDNOSUCHKEYEXAMPLE", secretAccessKey: "FAKESECRETFAKESECRETFAKESECRETFAKESECRET")
        let error = try await #require(throws: AWSError.self) { try await S3(client: AWSClient(configuration: configuration)).buckets() }
        #expect(error.kind == .auth)
    }

    @Test("a mutating operation is refused by the client: nothing reaches the wire")
    func mutationRefusedByClient() async throws {
        let proxy = try await FaultProxy.start(upstream: try #require(LiveEmulator.endpoint), plan: [])
        let client = try LiveEmulator.client(through: proxy.endpoint)
        let createVpc = OperationRequest.query(service: .ec2, action: "CreateVpc", version: "2016-11-15", parameters: [("CidrBlock", "10.9.0.0/16")])
        await #expect(throws: ReadOnlyViolation.self) { try await client.send(createVpc) }
        #expect(try await proxy.log().isEmpty)
    }

    @Test("sequential calls reuse one connection (keep-alive)")
    func keepAlive() async throws {
        let proxy = try await FaultProxy.start(upstream: try #require(LiveEmulator.endpoint), plan: [])
        let client = try LiveEmulator.client(through: proxy.endpoint)
        for _ in 0..<5 {
            _ = try await STS(client: client).callerIdentity()
        }
        let ports = Set(try await proxy.log().map(\.clientPort))
        #expect(ports.count == 1, "connections used: \(ports.count)")
    }

    @Test("one client serves many concurrent calls")
    func concurrentCalls() async throws {
        let client = try LiveEmulator.client()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask {
                    switch index % 3 {
                    case 0: try await EC2(client: client).vpcs().count
                    case 1: try await KMS(client: client).aliases().count
                    default: try await STS(client: client).callerIdentity().account.count
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.count == 40)
    }
}
