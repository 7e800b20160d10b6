import AWSClient
import AWSServices
import Foundation
import Testing

/// S3 reads decoded from answers recorded in real AWS shapes, including what the emulator never does:
/// redirects to a bucket's region, AWS's default encryption answer, and every "not configured" error.
struct S3RecordedTests {
    static let bucket = "transaction-logs-pr123"

    /// An S3 reader whose calls are answered with `answers`, in order.
    static func s3(_ answers: HTTPResponse...) -> (S3, RecordedAWS) {
        let (client, aws) = RecordedAWS.client(answers)
        return (S3(client: client), aws)
    }

    static func xml(_ file: String, status: Int = 200, headers: HTTPHeaders = [:]) throws -> HTTPResponse {
        try RecordedAWS.answer(status, file: "s3/\(file)", headers: headers)
    }

    /// The region in the credential scope of a signed request's Authorization header.
    static func signingRegion(_ request: HTTPRequest) -> String? {
        guard let authorization = request.headers["Authorization"], let range = authorization.range(of: "Credential=") else { return nil }
        let scope = authorization[range.upperBound...].prefix { $0 != "," }.split(separator: "/")
        return scope.count == 5 ? String(scope[2]) : nil
    }

    @Test("GetBucketEncryption: SSE-KMS with the key ARN and a bucket key, asked as ?encryption")
    func encryptionKMS() async throws {
        let (s3, aws) = Self.s3(try Self.xml("get-bucket-encryption-kms.xml"))
        let rules = try #require(try await s3.encryption(bucket: Self.bucket))
        #expect(rules == [.init(sseAlgorithm: "aws:kms", kmsMasterKeyID: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", bucketKeyEnabled: true)])
        let request = try #require(aws.requests.first)
        #expect(request.method == "GET")
        #expect(request.query == "encryption")
        #expect(request.url == "https://transaction-logs-pr123.s3.amazonaws.com/?encryption")
    }

    @Test("GetBucketEncryption of a bucket never configured: AWS answers SSE-S3 (AES256) since 2023")
    func encryptionDefault() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-encryption-default.xml"))
        #expect(try await s3.encryption(bucket: "data-pr123") == [.init(sseAlgorithm: "AES256", kmsMasterKeyID: nil, bucketKeyEnabled: false)])
    }

    struct NotConfigured: CustomTestStringConvertible, Sendable {
        var code: String
        var read: @Sendable (S3) async throws -> Bool
        var testDescription: String { code }
    }

    @Test("a setting never made is nil, not an error", arguments: [
        NotConfigured(code: "ServerSideEncryptionConfigurationNotFoundError") { try await $0.encryption(bucket: "data-pr123") == nil },
        NotConfigured(code: "NoSuchLifecycleConfiguration") { try await $0.lifecycle(bucket: "data-pr123") == nil },
        NotConfigured(code: "NoSuchBucketPolicy") { try await $0.policy(bucket: "data-pr123") == nil },
        NotConfigured(code: "NoSuchPublicAccessBlockConfiguration") { try await $0.publicAccessBlock(bucket: "data-pr123") == nil },
        NotConfigured(code: "ReplicationConfigurationNotFoundError") { try await $0.replication(bucket: "data-pr123") == nil },
        NotConfigured(code: "NoSuchTagSet") { try await $0.tagging(bucket: "data-pr123") == nil },
        NotConfigured(code: "OwnershipControlsNotFoundError") { try await $0.ownershipControls(bucket: "data-pr123") == nil },
    ])
    func notConfigured(_ example: NotConfigured) async throws {
        let (s3, aws) = Self.s3(try Self.xml("error-\(example.code).xml", status: 404))
        #expect(try await example.read(s3))
        #expect(aws.requests.count == 1)
    }

    @Test("a missing bucket is .notFound naming the bucket, for a setting read too")
    func noSuchBucket() async throws {
        let (s3, _) = Self.s3(try Self.xml("error-no-such-bucket.xml", status: 404))
        let error = try await #require(throws: AWSError.self) { try await s3.lifecycle(bucket: "transaction-logs-pr999") }
        #expect(error.kind == .notFound)
        #expect(error.code == "NoSuchBucket")
        #expect(error.message.contains("transaction-logs-pr999"))
        #expect(error.requestID == "Q1TNH8VW3R4Z8DDJ")
    }

    @Test("HeadBucket: the region from x-amz-bucket-region; a 404 without a body is .notFound naming the bucket")
    func headBucket() async throws {
        let (s3, aws) = Self.s3(
            HTTPResponse(status: 200, headers: ["x-amz-bucket-region": "us-east-1"]),
            HTTPResponse(status: 404, headers: ["x-amz-request-id": "T9R6BFS3TX8W4BNH"])
        )
        #expect(try await s3.headBucket(Self.bucket) == "us-east-1")
        #expect(aws.requests[0].method == "HEAD")
        let error = try await #require(throws: AWSError.self) { try await s3.headBucket("transaction-logs-pr999") }
        #expect(error.kind == .notFound)
        #expect(error.message == "bucket transaction-logs-pr999 does not exist")
        #expect(error.requestID == "T9R6BFS3TX8W4BNH")
    }

    @Test("a bucket in another region is followed after a 301, signed for that region, and remembered")
    func permanentRedirect() async throws {
        let (s3, aws) = Self.s3(
            try Self.xml("error-permanent-redirect.xml", status: 301, headers: ["x-amz-bucket-region": "eu-west-1"]),
            try Self.xml("get-bucket-encryption-kms.xml"),
            try Self.xml("get-bucket-versioning.xml")
        )
        #expect(try await s3.encryption(bucket: Self.bucket)?.first?.sseAlgorithm == "aws:kms")
        #expect(Self.signingRegion(aws.requests[0]) == "us-east-1")
        #expect(Self.signingRegion(aws.requests[1]) == "eu-west-1")
        #expect(aws.requests[1].url == "https://transaction-logs-pr123.s3.eu-west-1.amazonaws.com/?encryption")
        // The next read of the bucket goes straight to its region, from a copy of the value too.
        let copy = s3
        #expect(try await copy.versioning(bucket: Self.bucket).status == "Enabled")
        #expect(aws.requests.count == 3)
        #expect(Self.signingRegion(aws.requests[2]) == "eu-west-1")
    }

    @Test("a HEAD 301 has no body: the region header alone is followed")
    func headRedirect() async throws {
        let (s3, aws) = Self.s3(
            HTTPResponse(status: 301, headers: ["x-amz-bucket-region": "eu-west-1"]),
            HTTPResponse(status: 200, headers: ["x-amz-bucket-region": "eu-west-1"])
        )
        #expect(try await s3.headBucket(Self.bucket) == "eu-west-1")
        #expect(aws.requests.map(Self.signingRegion) == ["us-east-1", "eu-west-1"])
    }

    @Test("400 AuthorizationHeaderMalformed naming the expected region is followed there")
    func authorizationHeaderMalformed() async throws {
        let (s3, aws) = Self.s3(
            try Self.xml("error-authorization-header-malformed.xml", status: 400),
            try Self.xml("get-bucket-tagging.xml")
        )
        #expect(try await s3.tagging(bucket: Self.bucket)?["Environment"] == "pr123")
        #expect(aws.requests.map(Self.signingRegion) == ["us-east-1", "ap-southeast-2"])
    }

    @Test("a redirect is followed once: a second refusal is thrown, naming the bucket")
    func redirectFollowedOnce() async throws {
        let redirect = try Self.xml("error-permanent-redirect.xml", status: 301, headers: ["x-amz-bucket-region": "eu-west-1"])
        var second = redirect
        second.headers = ["x-amz-bucket-region": "eu-central-1"]
        let (s3, aws) = Self.s3(redirect, second)
        let error = try await #require(throws: AWSError.self) { try await s3.versioning(bucket: Self.bucket) }
        #expect(error.code == "PermanentRedirect")
        #expect(error.message.hasPrefix("bucket transaction-logs-pr123: "))
        #expect(aws.requests.count == 2)
    }

    @Test("GetBucketLocation: EU means eu-west-1, no constraint means us-east-1", arguments: [
        ("get-bucket-location-eu.xml", "eu-west-1"),
        ("get-bucket-location-us-east-1.xml", "us-east-1"),
        ("get-bucket-location-ap-southeast-2.xml", "ap-southeast-2"),
    ])
    func bucketLocation(file: String, region: String) async throws {
        let (s3, aws) = Self.s3(try Self.xml(file), try Self.xml("get-bucket-logging-off.xml"))
        #expect(try await s3.bucketLocation(Self.bucket) == region)
        #expect(aws.requests[0].query == "location")
        // The location is remembered: the next call is signed for it without a redirect.
        _ = try await s3.logging(bucket: Self.bucket)
        #expect(Self.signingRegion(aws.requests[1]) == region)
    }

    @Test("GetBucketVersioning: status and MFA delete; a bucket never versioned has neither")
    func versioning() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-versioning.xml"), try Self.xml("get-bucket-versioning-never.xml"))
        #expect(try await s3.versioning(bucket: Self.bucket) == .init(status: "Enabled", mfaDelete: "Disabled"))
        #expect(try await s3.versioning(bucket: "data-pr123") == .init(status: nil, mfaDelete: nil))
    }

    @Test("GetBucketLifecycleConfiguration: every rule shape, field by field")
    func lifecycle() async throws {
        let (s3, aws) = Self.s3(try Self.xml("get-bucket-lifecycle-configuration.xml"))
        let rules = try #require(try await s3.lifecycle(bucket: Self.bucket))
        #expect(aws.requests[0].query == "lifecycle")
        #expect(rules.count == 4)
        let archive = rules[0]
        #expect(archive.id == "archive-then-expire")
        #expect(archive.status == "Enabled")
        #expect(archive.filter == .init(prefix: "logs/"))
        #expect(archive.transitions == [.init(days: 30, date: nil, storageClass: "STANDARD_IA"), .init(days: 90, date: nil, storageClass: "GLACIER")])
        #expect(archive.expiration == .init(days: 365, date: nil, expiredObjectDeleteMarker: nil))
        #expect(archive.noncurrentVersionTransitions == [.init(noncurrentDays: 30, storageClass: "GLACIER", newerNoncurrentVersions: 3)])
        #expect(archive.noncurrentVersionExpiration == .init(noncurrentDays: 90, newerNoncurrentVersions: nil))
        #expect(archive.abortIncompleteMultipartUploadDays == 7)

        let tagged = rules[1]
        #expect(tagged.status == "Disabled")
        #expect(tagged.filter == .init(prefix: "exports/", tags: ["retention": "short", "team": "payments"], objectSizeGreaterThan: 1_048_576))
        #expect(tagged.transitions == [.init(days: nil, date: "2026-01-01T00:00:00.000Z", storageClass: "DEEP_ARCHIVE")])
        #expect(tagged.expiration?.date == "2027-01-01T00:00:00.000Z")
        #expect(tagged.noncurrentVersionTransitions.isEmpty && tagged.noncurrentVersionExpiration == nil && tagged.abortIncompleteMultipartUploadDays == nil)

        #expect(rules[2].filter == .init())
        #expect(rules[2].expiration == .init(days: nil, date: nil, expiredObjectDeleteMarker: true))
        #expect(rules[3].filter.prefix == "tmp/")
    }

    @Test("GetPublicAccessBlock: the four settings")
    func publicAccessBlock() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-public-access-block.xml"))
        let block = try #require(try await s3.publicAccessBlock(bucket: Self.bucket))
        #expect(block == .init(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false))
        #expect(!block.blocksEverything)
    }

    @Test("GetBucketPolicy: the JSON text as sent, and the parsed document")
    func policy() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-policy.json"))
        let policy = try #require(try await s3.policy(bucket: Self.bucket))
        #expect(policy.text.hasPrefix(#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport""#))
        #expect(policy.document.statements.map(\.sid) == ["DenyInsecureTransport", "AllowAccountRead"])
        #expect(policy.document.deniesInsecureTransport(for: ["arn:aws:s3:::\(Self.bucket)", "arn:aws:s3:::\(Self.bucket)/*"]))
        #expect(policy.document.allows(action: "s3:GetObject", principal: "123456789012", resource: "arn:aws:s3:::\(Self.bucket)/a", context: ["aws:SecureTransport": "true"]))
    }

    @Test("a bucket policy that is not JSON is a ParseError naming the bucket")
    func malformedPolicy() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-policy-malformed.json"))
        let error = try await #require(throws: PolicyDocument.ParseError.self) { try await s3.policy(bucket: Self.bucket) }
        #expect(error.resource == "bucket policy of transaction-logs-pr123")
    }

    @Test("GetBucketReplication: role and every rule field, V2 rules with RTC and metrics")
    func replication() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-replication.xml"))
        let replication = try #require(try await s3.replication(bucket: Self.bucket))
        #expect(replication.role == "arn:aws:iam::123456789012:role/transaction-logs-replication-pr123")
        #expect(replication.rules.count == 2)
        let all = replication.rules[0]
        #expect(all.id == "replicate-all")
        #expect(all.status == "Enabled")
        #expect(all.priority == 1)
        #expect(all.filter == .init(prefix: ""))
        #expect(all.deleteMarkerReplication == "Disabled")
        #expect(all.sseKmsEncryptedObjects == "Enabled")
        #expect(all.existingObjectReplication == "Disabled")
        #expect(all.destination == .init(
            bucket: "arn:aws:s3:::transaction-logs-replica-pr123", account: "123456789012", storageClass: "STANDARD_IA",
            replicaKmsKeyID: "arn:aws:kms:us-west-2:123456789012:key/abcd1234-replica",
            replicationTimeStatus: "Enabled", replicationTimeMinutes: 15, metricsStatus: "Enabled", metricsEventThresholdMinutes: 15
        ))
        let tagged = replication.rules[1]
        #expect(tagged.filter == .init(tags: ["replicate": "yes"]))
        #expect(tagged.status == "Disabled")
        #expect(tagged.destination.bucket == "arn:aws:s3:::archive-pr123")
        #expect(tagged.destination.replicationTimeStatus == nil && tagged.sseKmsEncryptedObjects == nil)
        #expect(tagged.deleteMarkerReplication == "Enabled")
    }

    @Test("GetBucketLogging: target bucket and prefix; nil when logging is off")
    func logging() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-logging.xml"), try Self.xml("get-bucket-logging-off.xml"))
        #expect(try await s3.logging(bucket: Self.bucket) == .init(targetBucket: "access-logs-pr123", targetPrefix: "transaction-logs/"))
        #expect(try await s3.logging(bucket: Self.bucket) == nil)
    }

    @Test("GetBucketTagging: the tag set as a dictionary, empty values kept")
    func tagging() async throws {
        let (s3, _) = Self.s3(try Self.xml("get-bucket-tagging.xml"))
        #expect(try await s3.tagging(bucket: Self.bucket) == ["Environment": "pr123", "Name": "transaction-logs-pr123", "CostCenter": ""])
    }

    @Test("GetBucketOwnershipControls: the object ownership")
    func ownershipControls() async throws {
        let (s3, aws) = Self.s3(try Self.xml("get-bucket-ownership-controls.xml"))
        #expect(try await s3.ownershipControls(bucket: Self.bucket) == "BucketOwnerEnforced")
        #expect(aws.requests[0].query == "ownershipControls")
    }
}
