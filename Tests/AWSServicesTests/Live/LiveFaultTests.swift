import AWSClient
import AWSServices
import Foundation
import Testing

/// Retry, clock-skew and failure handling against faults injected by a real proxy process on loopback,
/// in front of the emulator. Backoff sleeps are shortened twentyfold; everything else is real.
@Suite("live: faults on the wire are retried or reported", .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason))
struct LiveFaultTests {
    static func proxy(_ plan: [String], clockOffset: Int? = nil) async throws -> FaultProxy {
        try await FaultProxy.start(upstream: try #require(LiveEmulator.endpoint), plan: plan, clockOffset: clockOffset)
    }

    @Test("throttling and 5xx answers are retried until the call succeeds", arguments: [
        ["throttle"], ["500"], ["502"], ["503"], ["504"], ["throttle", "503"],
    ])
    func retriedUntilSuccess(plan: [String]) async throws {
        let proxy = try await Self.proxy(plan)
        let client = try LiveEmulator.client(through: proxy.endpoint)
        _ = try await EC2(client: client).vpcs()
        _ = try await KMS(client: client).aliases()
        let log = try await proxy.log()
        #expect(log.map(\.outcome) == plan + ["pass", "pass"])
    }

    @Test("a reset connection is retried")
    func resetRetried() async throws {
        let proxy = try await Self.proxy(["reset"])
        _ = try await STS(client: LiveEmulator.client(through: proxy.endpoint)).callerIdentity()
        #expect(try await proxy.log().map(\.outcome) == ["reset", "pass"])
    }

    @Test("a timed-out request is retried")
    func timeoutRetried() async throws {
        // STS answers in milliseconds however much the emulator holds, so 3 s only ever expires on the fault.
        let proxy = try await Self.proxy(["timeout:10"])
        let transport = CurlTransport(options: .init(connectTimeout: .seconds(2), requestTimeout: .seconds(3)))
        _ = try await STS(client: LiveEmulator.client(through: proxy.endpoint, transport: transport)).callerIdentity()
        // Under the whole suite's load the emulator itself may be slow enough to time out one retry too.
        let outcomes = try await proxy.log().map(\.outcome)
        #expect(outcomes.first == "timeout:10" && outcomes.last == "pass" && outcomes.count <= 3, "\(outcomes)")
    }

    @Test("persistent throttling gives up after AWS_MAX_ATTEMPTS with a throttling error")
    func persistentThrottling() async throws {
        let proxy = try await Self.proxy(["throttle", "throttle", "throttle", "throttle"])
        let client = try LiveEmulator.client(through: proxy.endpoint, retry: RetryPolicy(maxAttempts: 3))
        let error = try await #require(throws: AWSError.self) { try await ECS(client: client).clusterARNs() }
        #expect(error.kind == .throttling)
        #expect(error.code == "ThrottlingException")
        #expect(error.attempts == 3)
        #expect(try await proxy.log().count == 3)
    }

    @Test("a garbage body is a malformed-response error, not a crash")
    func garbageBody() async throws {
        let proxy = try await Self.proxy(["garbage"])
        let error = try await #require(throws: AWSError.self) { try await EC2(client: LiveEmulator.client(through: proxy.endpoint)).vpcs() }
        #expect(error.kind == .malformedResponse)
        #expect(error.description.contains("EC2 DescribeVpcs"))
    }

    @Test("a truncated body is a broken connection, retried")
    func truncatedBody() async throws {
        let proxy = try await Self.proxy(["truncated"])
        _ = try await STS(client: LiveEmulator.client(through: proxy.endpoint)).callerIdentity()
        #expect(try await proxy.log().map(\.outcome) == ["truncated", "pass"])
    }

    @Test("a server clock an hour ahead is learned from its Date header and the call signed again", arguments: [AWSService.sts, .ec2, .kms, .s3])
    func clockSkewCorrected(service: AWSService) async throws {
        let proxy = try await Self.proxy([], clockOffset: 3600)
        let client = try LiveEmulator.client(through: proxy.endpoint)
        switch service {
        case .sts: _ = try await STS(client: client).callerIdentity()
        case .ec2: _ = try await EC2(client: client).vpcs()
        case .kms: _ = try await KMS(client: client).aliases()
        default: _ = try await S3(client: client).buckets()
        }
        #expect(try await proxy.log().map(\.outcome) == ["skewed", "pass"])
        #expect(abs(client.clockSkewSeconds - 3600) < 60)
    }

    @Test("TLS is verified: an untrusted certificate is refused at once; trusted through AWS_CA_BUNDLE it works")
    func tlsVerification() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let proxy = try await FaultProxy.start(upstream: try #require(LiveEmulator.endpoint), plan: [], tlsDirectory: directory.path)
        #expect(proxy.endpoint.hasPrefix("https://127.0.0.1:"))

        let untrusted = try await #require(throws: AWSError.self) { try await STS(client: LiveEmulator.client(through: proxy.endpoint)).callerIdentity() }
        #expect(untrusted.kind == .network)
        #expect(untrusted.attempts == 1)
        #expect(untrusted.message.contains("tls"), "\(untrusted)")

        var configuration = try LiveEmulator.configuration(endpointOverride: proxy.endpoint)
        configuration.caBundle = directory.appendingPathComponent("cert.pem").path
        let identity = try await STS(client: AWSClient(configuration: configuration)).callerIdentity()
        #expect(identity.arn.hasSuffix(":user/stackverify-readonly"))
    }

    @Test("an endpoint nobody listens on is a network error after the retries")
    func unreachableEndpoint() async throws {
        let client = try LiveEmulator.client(through: "http://127.0.0.1:9", retry: RetryPolicy(maxAttempts: 2))
        let error = try await #require(throws: AWSError.self) { try await STS(client: client).callerIdentity() }
        #expect(error.kind == .network)
        #expect(error.attempts == 2)
        #expect(error.description.contains("127.0.0.1:9"))
    }
}
