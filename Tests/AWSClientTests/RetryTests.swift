import Foundation
import Testing
@testable import AWSClient

/// The retry behaviour of botocore's standard mode, against a scripted transport.
struct RetryTests {
    static let describeVpcs = OperationRequest.query(service: .ec2, action: "DescribeVpcs", version: "2016-11-15")
    static let ec2Throttled = ScriptedTransport.xml(503, "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>req-1</RequestID></Response>")
    static let ok = ScriptedTransport.xml(200, "<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>")

    @Test("every throttling code of the SDKs is retried", arguments: AWSError.throttlingCodes.sorted())
    func throttlingCodesAreRetried(code: String) async throws {
        let test = TestClient([ScriptedTransport.json(400, #"{"__type":"\#(code)","message":"slow down"}"#), Self.ok])
        _ = try await test.client.send(Self.describeVpcs)
        #expect(test.transport.sent.count == 2)
    }

    @Test("HTTP 500, 502, 503 and 504 are retried", arguments: [500, 502, 503, 504])
    func serverErrorsAreRetried(status: Int) async throws {
        let test = TestClient([ScriptedTransport.xml(status, "<Error><Code>InternalError</Code></Error>"), Self.ok])
        _ = try await test.client.send(Self.describeVpcs)
        #expect(test.transport.sent.count == 2)
    }

    @Test("connection resets, refusals and timeouts are retried", arguments: [TransportError.Kind.connectionBroken, .timedOut, .connectFailed])
    func networkFailuresAreRetried(kind: TransportError.Kind) async throws {
        let test = TestClient([.fail(kind), Self.ok])
        _ = try await test.client.send(Self.describeVpcs)
        #expect(test.transport.sent.count == 2)
    }

    @Test("a non-retryable error is raised after one attempt with its code, message and request id")
    func accessDeniedIsNotRetried() async throws {
        let test = TestClient([ScriptedTransport.xml(403, "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized.</Message></Error></Errors><RequestID>req-9</RequestID></Response>")])
        let error = try await #require(throws: AWSError.self) { try await test.client.send(Self.describeVpcs) }
        #expect(test.transport.sent.count == 1)
        #expect(error.kind == .auth)
        #expect(error.code == "UnauthorizedOperation")
        #expect(error.requestID == "req-9")
        #expect(error.description.contains("EC2 DescribeVpcs failed: UnauthorizedOperation (HTTP 403): You are not authorized."))
    }

    @Test("AWS_MAX_ATTEMPTS bounds the attempts and the error says how many were made")
    func maxAttemptsBoundsRetries() async throws {
        let test = TestClient(Array(repeating: Self.ec2Throttled, count: 5), retry: RetryPolicy(maxAttempts: 4))
        let error = try await #require(throws: AWSError.self) { try await test.client.send(Self.describeVpcs) }
        #expect(test.transport.sent.count == 4)
        #expect(error.attempts == 4)
        #expect(error.kind == .throttling)
        #expect(error.description.contains("after 4 attempts"))
    }

    @Test("backoff is full jitter over 1 s · 2^(retry-1), capped at 20 s")
    func backoffIsExponentialWithCap() {
        let policy = RetryPolicy()
        #expect(policy.backoff(beforeRetry: 1, jitter: 1) == .seconds(1))
        #expect(policy.backoff(beforeRetry: 2, jitter: 1) == .seconds(2))
        #expect(policy.backoff(beforeRetry: 3, jitter: 0.5) == .seconds(2))
        #expect(policy.backoff(beforeRetry: 6, jitter: 1) == .seconds(20))
        #expect(policy.backoff(beforeRetry: 40, jitter: 1) == .seconds(20))
        #expect(policy.backoff(beforeRetry: 3, jitter: 0) == .zero)
    }

    @Test("the client sleeps the backoff between attempts")
    func clientSleepsBetweenAttempts() async throws {
        let test = TestClient([Self.ec2Throttled, Self.ec2Throttled, Self.ok], retry: RetryPolicy(maxAttempts: 3), jitter: 1)
        _ = try await test.client.send(Self.describeVpcs)
        #expect(test.recordedSleeps == [.seconds(1), .seconds(2)])
    }

    @Test("the standard mode's retry quota stops retries once spent, and legacy mode has none")
    func retryQuotaIsSpent() async throws {
        let quota = RetryQuota()
        var acquired = 0
        while quota.acquire(isTimeout: false) != nil { acquired += 1 }
        #expect(acquired == RetryQuota.initialCapacity / RetryQuota.retryCost)
        quota.release(spent: 0)
        #expect(quota.capacity == RetryQuota.noRetryIncrement)
        #expect(RetryPolicy(mode: .legacy).usesRetryQuota == false)
        #expect(RetryPolicy(mode: .legacy).maxAttempts == 5)
        #expect(RetryPolicy(mode: .standard).maxAttempts == 3)
    }

    @Test("a skewed clock is corrected from the server's Date and the call signed again at once")
    func clockSkewIsCorrected() async throws {
        let serverTime = Date().addingTimeInterval(3600)
        let skewed = ScriptedTransport.xml(403, "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>", headers: ["Date": Self.httpDate(serverTime)])
        let test = TestClient([skewed, Self.ok])
        _ = try await test.client.send(Self.describeVpcs)
        #expect(test.transport.sent.count == 2)
        #expect(test.recordedSleeps.isEmpty)
        #expect(abs(test.client.clockSkewSeconds - 3600) < 5)
        let resentDate = try #require(test.transport.sent[1].headers["X-Amz-Date"])
        let expected = try #require(SigV4Signer.date(fromAmzDate: SigV4Signer.amzDate(serverTime)))
        let resent = try #require(SigV4Signer.date(fromAmzDate: resentDate))
        #expect(abs(resent.timeIntervalSince(expected)) < 5)
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// A server an hour ahead: it refuses requests signed more than 5 minutes from its clock, as AWS does.
    final class SkewedServer: HTTPTransport {
        func serverTime() -> Date { Date().addingTimeInterval(3600) }

        func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
            let signed = request.headers["X-Amz-Date"].flatMap(SigV4Signer.date(fromAmzDate:)) ?? .distantPast
            guard abs(signed.timeIntervalSince(serverTime())) <= 300 else {
                return HTTPResponse(status: 403, headers: ["Date": RetryTests.httpDate(serverTime())], body: Data("<Error><Code>RequestTimeTooSkewed</Code></Error>".utf8))
            }
            return HTTPResponse(status: 200, body: Data("<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>".utf8))
        }
    }

    @Test("every one of many concurrent calls signed with a skewed clock is signed again, not just the first")
    func concurrentClockSkew() async throws {
        let configuration = AWSConfiguration(credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "FAKESECRETEXAMPLE"), region: "us-east-1")
        let client = AWSClient(configuration: configuration, transport: SkewedServer(), sleep: { _ in })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { _ = try await client.send(Self.describeVpcs) }
            }
            try await group.waitForAll()
        }
        #expect(abs(client.clockSkewSeconds - 3600) < 60)
    }

    @Test("a signature error from a server whose clock agrees is not retried")
    func signatureErrorWithoutSkewIsFinal() async throws {
        let refused = ScriptedTransport.json(400, #"{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match"}"#)
        let test = TestClient([refused, Self.ok])
        let error = try await #require(throws: AWSError.self) { try await test.client.send(Self.describeVpcs) }
        #expect(error.kind == .auth)
        #expect(test.transport.sent.count == 1)
    }
}
