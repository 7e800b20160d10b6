import AWSClient
import AWSServices
import Foundation
import Testing

/// Every S3 read, decoded from the emulator's answers about the `storage` stack (versioned, lifecycled,
/// replicated, locked-down SSE-KMS bucket) and the `encryption` stack's plainer bucket, as the read-only
/// identity with signature checking on.
@Suite(
    "live: S3 reads of the storage and encryption stacks",
    .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason),
    .enabled(if: FixtureOutputs.storage.isAvailable, FixtureOutputs.storage.skipReason),
    .enabled(if: FixtureOutputs.encryption.isAvailable, FixtureOutputs.encryption.skipReason)
)
struct LiveS3Tests {
    let storage = FixtureOutputs.storage

    func s3() throws -> S3 { S3(client: try LiveEmulator.client()) }

    @Test("HeadBucket and GetBucketLocation put the bucket in us-east-1")
    func location() async throws {
        let bucket = try storage.string("transaction_logs_bucket_name")
        #expect(try await s3().headBucket(bucket) == "us-east-1")
        #expect(try await s3().bucketLocation(bucket) == "us-east-1")
    }

    @Test("HeadBucket of a bucket that does not exist is .notFound naming it")
    func missingBucket() async throws {
        let error = try await #require(throws: AWSError.self) { try await s3().headBucket("stackverify-no-such-bucket-live") }
        #expect(error.kind == .notFound)
        #expect(error.message.contains("stackverify-no-such-bucket-live"))
    }

    @Test("GetBucketEncryption: SSE-KMS with the stack's key")
    func encryption() async throws {
        let rules = try #require(try await s3().encryption(bucket: try storage.string("transaction_logs_bucket_name")))
        #expect(rules.count == 1)
        #expect(rules.first?.sseAlgorithm == "aws:kms")
        #expect(rules.first?.kmsMasterKeyID == (try storage.string("kms_key_arn")))
        #expect(rules.first?.bucketKeyEnabled != nil)
    }

    @Test("GetBucketVersioning: Enabled on the storage bucket, never set on the encryption stack's")
    func versioning() async throws {
        #expect(try await s3().versioning(bucket: try storage.string("transaction_logs_bucket_name")).status == "Enabled")
        #expect(try await s3().versioning(bucket: try FixtureOutputs.encryption.string("data_bucket_name")).status == nil)
    }

    @Test("GetBucketLifecycleConfiguration: archive to Glacier at 90 days, expire at 365")
    func lifecycle() async throws {
        let rules = try #require(try await s3().lifecycle(bucket: try storage.string("transaction_logs_bucket_name")))
        let rule = try #require(rules.first { $0.id == "archive-then-expire" })
        #expect(rule.status == "Enabled")
        #expect(rule.filter == .init(prefix: ""))
        #expect(rule.transitions == [.init(days: 90, date: nil, storageClass: "GLACIER")])
        #expect(rule.expiration?.days == 365)
    }

    @Test("GetPublicAccessBlock: all four on")
    func publicAccessBlock() async throws {
        let block = try #require(try await s3().publicAccessBlock(bucket: try storage.string("transaction_logs_bucket_name")))
        #expect(block.blocksEverything)
    }

    @Test("GetBucketPolicy: the TLS-deny statement covers the bucket and its objects")
    func policy() async throws {
        let bucketARN = try storage.string("transaction_logs_bucket_arn")
        let policy = try #require(try await s3().policy(bucket: try storage.string("transaction_logs_bucket_name")))
        #expect(policy.text.contains("aws:SecureTransport"))
        #expect(policy.document.deniesInsecureTransport(for: [bucketARN, bucketARN + "/*"]))
    }

    @Test("GetBucketReplication: role, rule, destination bucket and replica key")
    func replication() async throws {
        let replication = try #require(try await s3().replication(bucket: try storage.string("transaction_logs_bucket_name")))
        #expect(replication.role == (try storage.string("replication_role_arn")))
        let rule = try #require(replication.rules.first { $0.id == "replicate-all" })
        #expect(rule.status == "Enabled")
        #expect(rule.priority == 1)
        #expect(rule.deleteMarkerReplication == "Disabled")
        #expect(rule.destination.bucket == (try storage.string("replica_bucket_arn")))
        #expect(rule.destination.replicaKmsKeyID == (try storage.string("kms_key_arn")))
    }

    @Test("GetBucketTagging: the stack's tags")
    func tagging() async throws {
        let bucket = try storage.string("transaction_logs_bucket_name")
        let tags = try #require(try await s3().tagging(bucket: bucket))
        #expect(tags["Name"] == bucket)
        #expect(tags["FixtureStack"] == "storage")
    }

    @Test("settings the stacks never make are nil: logging, ownership, and the replica's lifecycle, policy, replication")
    func notConfigured() async throws {
        let s3 = try s3()
        let bucket = try storage.string("transaction_logs_bucket_name")
        let replica = try storage.string("replica_bucket_name")
        let data = try FixtureOutputs.encryption.string("data_bucket_name")
        #expect(try await s3.logging(bucket: bucket) == nil)
        #expect(try await s3.ownershipControls(bucket: bucket) == nil)
        #expect(try await s3.lifecycle(bucket: replica) == nil)
        #expect(try await s3.policy(bucket: replica) == nil)
        #expect(try await s3.replication(bucket: replica) == nil)
        #expect(try await s3.publicAccessBlock(bucket: data) == nil)
    }
}
