import AWSClient
import AWSServices
import Foundation
import Testing

// Shared by the recorded tests of the JSON 1.1 services (KMS, CloudWatch Logs, ECS).
extension RecordedAWS {
    /// A client answered, in order, with the recorded `files` of `Fixtures/recorded/<folder>`, each a 200.
    static func client(_ folder: String, files: [String]) throws -> (AWSClient, RecordedAWS) {
        client(try files.map { try answer(file: "\(folder)/\($0)") })
    }

    /// The JSON object sent in the `index`th request, for the JSON 1.1 services (KMS, CloudWatch Logs, ECS).
    func jsonBody(_ index: Int) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: requests[index].body) as? [String: Any])
    }

    /// The operation named in the `index`th request's `X-Amz-Target`.
    func target(_ index: Int) -> String? {
        requests[index].headers["X-Amz-Target"]
    }
}

/// KMS reads decoded from answers recorded in real AWS shapes, with AWS's own JSON errors.
struct KMSRecordedTests {
    static let keyID = "1234abcd-12ab-34cd-56ef-1234567890ab"

    static func kms(_ files: String...) throws -> (KMS, RecordedAWS) {
        let (client, aws) = try RecordedAWS.client("kms", files: files)
        return (KMS(client: client), aws)
    }

    @Test("DescribeKey: every field of KeyMetadata, dates from seconds since 1970")
    func describeKey() async throws {
        let (kms, aws) = try Self.kms("describe-key.json")
        let key = try await kms.describeKey(keyID: "alias/transaction-logs-pr123")
        #expect(aws.target(0) == "TrentService.DescribeKey")
        #expect(try aws.jsonBody(0)["KeyId"] as? String == "alias/transaction-logs-pr123")
        #expect(key.keyId == Self.keyID)
        #expect(key.arn == "arn:aws:kms:us-east-1:123456789012:key/\(Self.keyID)")
        #expect(key.awsAccountId == "123456789012")
        #expect(key.keyState == "Enabled")
        #expect(key.enabled == true)
        #expect(key.keyManager == "CUSTOMER")
        #expect(key.keySpec == "SYMMETRIC_DEFAULT")
        #expect(key.keyUsage == "ENCRYPT_DECRYPT")
        #expect(key.origin == "AWS_KMS")
        #expect(key.multiRegion == false)
        #expect(key.description == "transaction logs (pr123)")
        #expect(key.creationDate == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(key.deletionDate == nil && key.pendingDeletionWindowInDays == nil)
        // KMS's PascalCase members become the camelCase every model encodes with, and read back the same.
        let encoded = try JSONEncoder().encode(key)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""awsAccountId":"123456789012""#))
        #expect(try JSONDecoder().decode(KMS.KeyMetadata.self, from: encoded) == key)
    }

    @Test("DescribeKey of a multi-Region key pending deletion")
    func describeKeyPendingDeletion() async throws {
        let (kms, _) = try Self.kms("describe-key-pending-deletion.json")
        let key = try await kms.describeKey(keyID: "mrk-1234abcd12ab34cd56ef1234567890ab")
        #expect(key.keyState == "PendingDeletion")
        #expect(key.enabled == false)
        #expect(key.multiRegion == true)
        #expect(key.deletionDate == Date(timeIntervalSince1970: 1_701_500_000))
        #expect(key.pendingDeletionWindowInDays == 7)
        #expect(key.description == "")
    }

    @Test("GetKeyRotationStatus: enabled, period and next rotation")
    func keyRotationStatus() async throws {
        let (kms, aws) = try Self.kms("get-key-rotation-status.json")
        let rotation = try await kms.keyRotationStatus(keyID: Self.keyID)
        #expect(aws.target(0) == "TrentService.GetKeyRotationStatus")
        #expect(rotation.keyRotationEnabled)
        #expect(rotation.rotationPeriodInDays == 365)
        #expect(rotation.nextRotationDate == Date(timeIntervalSince1970: 1_731_500_000))
    }

    @Test("GetKeyPolicy asks for the policy named default; the text is kept and parsed")
    func keyPolicy() async throws {
        let (kms, aws) = try Self.kms("get-key-policy.json")
        let policy = try await kms.keyPolicy(keyID: Self.keyID)
        #expect(try aws.jsonBody(0)["PolicyName"] as? String == "default")
        #expect(policy.text.contains(#""Id" : "key-default-1""#))
        #expect(policy.document.id == "key-default-1")
        #expect(policy.document.grantsService("logs.us-east-1.amazonaws.com", actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]))
        #expect(policy.document.allows(action: "kms:PutKeyPolicy", principal: "arn:aws:iam::123456789012:root"))
    }

    @Test("ListAliases walks every page by Marker while Truncated")
    func aliasesPaginate() async throws {
        let (kms, aws) = try Self.kms("list-aliases-page-1.json", "list-aliases-page-2.json")
        let aliases = try await kms.aliases()
        #expect(aliases.map(\.aliasName) == ["alias/aws/s3", "alias/transaction-logs-pr123", "alias/aws/ebs"])
        #expect(aliases[1].targetKeyId == Self.keyID)
        #expect(aliases[1].aliasArn == "arn:aws:kms:us-east-1:123456789012:alias/transaction-logs-pr123")
        #expect(aliases[2].targetKeyId == nil)
        #expect(try aws.jsonBody(0)["Marker"] == nil)
        #expect(try aws.jsonBody(1)["Marker"] as? String == "eyJiIjoiYWxpYXMvdHJhbnNhY3Rpb24tbG9ncy1wcjEyMyJ9")
    }

    @Test("ListResourceTags walks every page into one dictionary")
    func resourceTags() async throws {
        let (kms, aws) = try Self.kms("list-resource-tags-page-1.json", "list-resource-tags-page-2.json")
        #expect(try await kms.resourceTags(keyID: Self.keyID) == ["Environment": "pr123", "Name": "transaction-logs-pr123", "CostCenter": "payments"])
        #expect(try aws.jsonBody(1)["Marker"] as? String == "TWFya2VyLTE=")
        #expect(try aws.jsonBody(1)["KeyId"] as? String == Self.keyID)
    }

    @Test("a 400 NotFoundException is .notFound; AccessDeniedException is .auth; neither is retried", arguments: [
        ("error-not-found.json", AWSError.Kind.notFound, "NotFoundException"),
        ("error-access-denied.json", .auth, "AccessDeniedException"),
    ])
    func jsonErrors(file: String, kind: AWSError.Kind, code: String) async throws {
        let (client, aws) = RecordedAWS.client([
            try RecordedAWS.answer(400, file: "kms/\(file)", headers: ["x-amzn-RequestId": "5f0b7e5c-9f7e-4a39-9c4b-0c3e0f6d1a2b"]),
        ])
        let error = try await #require(throws: AWSError.self) { try await KMS(client: client).keyPolicy(keyID: "00000000-0000-0000-0000-000000000000") }
        #expect(error.kind == kind)
        #expect(error.code == code)
        #expect(error.operation == "GetKeyPolicy")
        #expect(error.requestID == "5f0b7e5c-9f7e-4a39-9c4b-0c3e0f6d1a2b")
        #expect(error.message.contains("arn:aws:kms:us-east-1:123456789012:key/"))
        #expect(aws.requests.count == 1)
    }

    @Test("a key policy that is not JSON is a ParseError naming the key")
    func malformedKeyPolicy() async throws {
        let (client, _) = RecordedAWS.client([HTTPResponse(status: 200, body: Data(#"{"Policy":"{\"Statement\": ["}"#.utf8))])
        let error = try await #require(throws: PolicyDocument.ParseError.self) { try await KMS(client: client).keyPolicy(keyID: Self.keyID) }
        #expect(error.resource == "key policy of \(Self.keyID)")
    }
}
