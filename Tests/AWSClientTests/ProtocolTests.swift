import Foundation
import Testing
@testable import AWSClient

/// Request encoding, addressing, error parsing and the read-only guard.
struct ProtocolTests {
    @Test("EC2 query requests are form-encoded POSTs with Action, Version and numbered filters")
    func queryEncoding() {
        let request = OperationRequest.query(service: .ec2, action: "DescribeVpcs", version: "2016-11-15", parameters: [
            ("Filter.1.Name", "tag:Name"), ("Filter.1.Value.1", "banking vpc*"),
        ])
        #expect(request.method == "POST")
        #expect(String(decoding: request.body, as: UTF8.self) == "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=banking%20vpc%2A")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
    }

    @Test("JSON 1.1 requests name the operation in X-Amz-Target")
    func jsonEncoding() {
        let request = OperationRequest.json(service: .kms, targetPrefix: "TrentService", operation: "DescribeKey", body: Data(#"{"KeyId":"k"}"#.utf8))
        #expect(request.headers["X-Amz-Target"] == "TrentService.DescribeKey")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
    }

    @Test("S3 buckets are virtual-hosted on AWS and path-style on custom endpoints")
    func s3Addressing() {
        let aws = AWSClient(configuration: AWSConfiguration(credentials: Credentials(accessKeyID: "K", secretAccessKey: "S"), region: "eu-west-1"))
        let request = OperationRequest.restXML(operation: "GetBucketEncryption", method: "GET", bucket: "my-bucket", query: [("encryption", nil)])
        let virtualHosted = aws.address(request, region: "eu-west-1")
        #expect(virtualHosted.url == "https://my-bucket.s3.eu-west-1.amazonaws.com/?encryption")

        let dotted = aws.address(OperationRequest.restXML(operation: "HeadBucket", method: "HEAD", bucket: "my.bucket"), region: "eu-west-1")
        #expect(dotted.url == "https://s3.eu-west-1.amazonaws.com/my.bucket")

        let emulator = AWSClient(configuration: AWSConfiguration(
            credentials: Credentials(accessKeyID: "K", secretAccessKey: "S"), region: "us-east-1",
            endpoints: [.s3: ServiceEndpoint(endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 5000), isCustom: true, source: "test")]
        ))
        let pathStyle = emulator.address(request, region: "us-east-1")
        #expect(pathStyle.url == "http://127.0.0.1:5000/my-bucket?encryption")
        #expect(pathStyle.headers["Host"] == "127.0.0.1:5000")
    }

    @Test("error answers are read from every protocol's shape", arguments: [
        (#"{"__type":"com.amazonaws.kms#NotFoundException","message":"Key 'x' does not exist"}"#, "NotFoundException", "Key 'x' does not exist", nil as String?),
        ("<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>r-1</RequestID></Response>", "InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist", "r-1"),
        ("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>bad token</Message></Error><RequestId>r-2</RequestId></ErrorResponse>", "InvalidClientTokenId", "bad token", "r-2"),
        ("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>r-3</RequestId></Error>", "NoSuchBucket", "The specified bucket does not exist", "r-3"),
    ])
    func errorShapes(body: String, code: String, message: String, requestID: String?) {
        let answer = ErrorAnswer.parse(HTTPResponse(status: 400, body: Data(body.utf8)))
        #expect(answer.code == code)
        #expect(answer.message == message)
        #expect(answer.requestID == requestID)
    }

    @Test("a HEAD error has no body: its code comes from the status")
    func headErrors() {
        #expect(ErrorAnswer.parse(HTTPResponse(status: 404)).code == "NotFound")
        #expect(ErrorAnswer.parse(HTTPResponse(status: 301, headers: ["x-amz-bucket-region": "eu-west-1"])).code == "PermanentRedirect")
    }

    @Test("error kinds follow the code, then the status")
    func errorKinds() {
        #expect(AWSError.kind(status: 400, code: "ThrottlingException") == .throttling)
        #expect(AWSError.kind(status: 403, code: "AccessDeniedException") == .auth)
        #expect(AWSError.kind(status: 400, code: "InvalidVpcID.NotFound") == .notFound)
        #expect(AWSError.kind(status: 404, code: "NoSuchBucket") == .notFound)
        #expect(AWSError.kind(status: 503, code: nil) == .transient)
        #expect(AWSError.kind(status: 400, code: "ValidationException") == .client)
    }

    @Test("read operations pass the read-only guard", arguments: [
        OperationRequest.query(service: .ec2, action: "DescribeVpcs", version: "2016-11-15"),
        OperationRequest.query(service: .sts, action: "GetCallerIdentity", version: "2011-06-15"),
        OperationRequest.json(service: .kms, targetPrefix: "TrentService", operation: "GetKeyRotationStatus", body: Data()),
        OperationRequest.json(service: .ecs, targetPrefix: "AmazonEC2ContainerServiceV20141113", operation: "ListTasks", body: Data()),
        OperationRequest.restXML(operation: "HeadBucket", method: "HEAD", bucket: "b"),
    ])
    func readsAllowed(request: OperationRequest) throws {
        try ReadOnlyGuard.check(request)
    }

    @Test("mutating operations are refused before anything is sent", arguments: [
        OperationRequest.query(service: .ec2, action: "CreateVpc", version: "2016-11-15"),
        OperationRequest.query(service: .ec2, action: "DeleteVpc", version: "2016-11-15"),
        OperationRequest.query(service: .sts, action: "AssumeRole", version: "2011-06-15"),
        OperationRequest.json(service: .kms, targetPrefix: "TrentService", operation: "ScheduleKeyDeletion", body: Data()),
        OperationRequest.json(service: .logs, targetPrefix: "Logs_20140328", operation: "DeleteLogGroup", body: Data()),
        OperationRequest.json(service: .kms, targetPrefix: "TrentService", operation: "Getaway", body: Data()),
        OperationRequest.restXML(operation: "DeleteBucket", method: "DELETE", bucket: "b"),
        OperationRequest.restXML(operation: "PutBucketPolicy", method: "PUT", bucket: "b", query: [("policy", nil)]),
    ])
    func writesRefused(request: OperationRequest) async throws {
        let test = TestClient([])
        await #expect(throws: ReadOnlyViolation.self) { try await test.client.send(request) }
        #expect(test.transport.sent.isEmpty)
    }

    @Test("an operation name that disagrees with the request body is refused")
    func smuggledActionRefused() {
        var request = OperationRequest.query(service: .ec2, action: "DescribeVpcs", version: "2016-11-15")
        request.body = Data("Action=DescribeVpcs&Version=2016-11-15&Action=DeleteVpc".utf8)
        #expect(throws: ReadOnlyViolation.self) { try ReadOnlyGuard.check(request) }
    }

    @Test("XML answers parse into elements with text, children and namespaces dropped")
    func xmlParsing() throws {
        let root = try XML.parse(Data(#"<?xml version="1.0"?><DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcSet><item><vpcId>vpc-1</vpcId></item><item><vpcId>vpc-2</vpcId></item></vpcSet><nextToken>t&amp;2</nextToken></DescribeVpcsResponse>"#.utf8))
        #expect(root.name == "DescribeVpcsResponse")
        #expect(root.element(at: "vpcSet")?.children("item").compactMap { $0.text(at: "vpcId") } == ["vpc-1", "vpc-2"])
        #expect(root.text(at: "nextToken") == "t&2")
    }

    @Test("garbage instead of XML is a malformed-response error naming the call")
    func garbageIsMalformed() async throws {
        let test = TestClient([ScriptedTransport.xml(200, "<<<not xml at all")])
        let request = OperationRequest.query(service: .ec2, action: "DescribeVpcs", version: "2016-11-15")
        let response = try await test.client.send(request)
        let error = try #require(throws: AWSError.self) { try test.client.xml(response, of: request) }
        #expect(error.kind == .malformedResponse)
        #expect(error.description.contains("EC2 DescribeVpcs"))
    }

    @Test("pagination walks every page and refuses a repeated token")
    func pagination() async throws {
        let test = TestClient([])
        let pages: [String?: ([Int], String?)] = [nil: ([1, 2], "a"), "a": ([3], "b"), "b": ([4], nil)]
        let all = try await test.client.allPages(of: "ListThings", service: .ecs) { token in pages[token]! }
        #expect(all == [1, 2, 3, 4])
        await #expect(throws: AWSError.self) {
            _ = try await test.client.allPages(of: "ListThings", service: .ecs) { _ in ([1], "same") }
        }
    }
}
