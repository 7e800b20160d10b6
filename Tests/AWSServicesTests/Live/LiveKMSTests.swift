import AWSClient
import AWSServices
import Foundation
import Testing

/// Every KMS read, decoded from the emulator's answers about the `encryption` stack's key (rotation on, a
/// policy that lets CloudWatch Logs use it), as the read-only identity with signature checking on.
@Suite(
    "live: KMS reads of the encryption stack's key",
    .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason),
    .enabled(if: FixtureOutputs.encryption.isAvailable, FixtureOutputs.encryption.skipReason)
)
struct LiveKMSTests {
    let outputs = FixtureOutputs.encryption

    func kms() throws -> KMS { KMS(client: try LiveEmulator.client()) }

    @Test("DescribeKey by alias: an enabled customer symmetric key")
    func describeKey() async throws {
        let key = try await kms().describeKey(keyID: try outputs.string("kms_key_alias"))
        #expect(key.keyId == (try outputs.string("kms_key_id")))
        #expect(key.arn == (try outputs.string("kms_key_arn")))
        #expect(key.keyState == "Enabled")
        #expect(key.enabled == true)
        #expect(key.keyManager == "CUSTOMER")
        #expect(key.keySpec == "SYMMETRIC_DEFAULT")
        #expect(key.keyUsage == "ENCRYPT_DECRYPT")
        #expect(key.origin == "AWS_KMS")
        #expect(key.creationDate != nil)
        #expect(key.deletionDate == nil)
        #expect(key.description?.isEmpty == false)
    }

    @Test("DescribeKey of a key that does not exist is .notFound")
    func missingKey() async throws {
        let error = try await #require(throws: AWSError.self) { try await kms().describeKey(keyID: "00000000-0000-0000-0000-000000000000") }
        #expect(error.kind == .notFound)
        #expect(error.code == "NotFoundException")
    }

    @Test("GetKeyRotationStatus: rotation on")
    func rotation() async throws {
        #expect(try await kms().keyRotationStatus(keyID: try outputs.string("kms_key_id")).keyRotationEnabled)
    }

    @Test("GetKeyPolicy: the account administers the key and CloudWatch Logs may use it")
    func keyPolicy() async throws {
        let policy = try await kms().keyPolicy(keyID: try outputs.string("kms_key_id"))
        let account = try #require(try outputs.string("kms_key_arn").split(separator: ":").dropFirst(4).first.map(String.init))
        #expect(policy.document.allows(action: "kms:PutKeyPolicy", principal: account))
        #expect(policy.document.grantsService("logs.us-east-1.amazonaws.com", actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]))
        #expect(!policy.document.grantsService("logs.eu-west-1.amazonaws.com", actions: ["kms:Encrypt*"]))
    }

    @Test("ListAliases of the key names its alias")
    func aliases() async throws {
        let aliases = try await kms().aliases(keyID: try outputs.string("kms_key_id"))
        #expect(aliases.map(\.aliasName).contains(try outputs.string("kms_key_alias")))
        #expect(aliases.allSatisfy { $0.targetKeyId == (try? outputs.string("kms_key_id")) })
    }

    @Test("ListResourceTags: the stack's tags")
    func tags() async throws {
        let tags = try await kms().resourceTags(keyID: try outputs.string("kms_key_id"))
        #expect(tags["FixtureStack"] == "encryption")
        #expect(tags["EnvironmentSuffix"] == (try outputs.string("environment_suffix")))
    }
}
