import AWSServices

/// Checks of where data rests: S3 buckets, KMS keys and CloudWatch Logs log groups.
enum DataChecks {
    static let all: [Check] = [
        bucketEncryptedWithKMS, bucketVersioningEnabled, bucketLifecycle, bucketPublicAccessBlocked,
        bucketDeniesInsecureTransport, bucketReplicatesTo, bucketTagged,
        keyEnabled, keyRotationEnabled, keyPolicyGrantsService,
        logGroupRetention, logGroupEncryptedWith,
    ]

    // MARK: Buckets

    static let bucketEncryptedWithKMS = Check(
        id: "bucket-encrypted-with-kms", title: "the bucket's default encryption is SSE-KMS with the stack's key", kind: .bucket,
        arguments: [.init("key", "the key ARN or id the bucket must use; any KMS key when empty", type: .string, default: .text(""), isMain: true)],
        reads: ["s3:GetBucketEncryption"], origin: "seeds 000 and 004 (SSE-KMS on flow-log and data buckets)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            let key = context.text("key")
            let expected = key.isEmpty ? "aws:kms" : "aws:kms with \(key)"
            guard let rules = try await context.state.bucketEncryption(name), !rules.isEmpty else {
                return .fail(name, "bucket \(name) default encryption: expected \(expected), found none configured")
            }
            let actual = rules.map { "\($0.sseAlgorithm)\($0.kmsMasterKeyID.map { " with \($0)" } ?? "")" }.joined(separator: "; ")
            var matches = false
            for rule in rules where rule.sseAlgorithm == "aws:kms" && !matches {
                matches = key.isEmpty ? true : try await sameKey(rule.kmsMasterKeyID, key, state: context.state)
            }
            return .expect(matches, name, property: "default encryption", expected: expected, actual: actual)
        }
    }

    static let bucketVersioningEnabled = Check(
        id: "bucket-versioning-enabled", title: "the bucket keeps every version of its objects", kind: .bucket,
        reads: ["s3:GetBucketVersioning"], origin: "seed 003 (versioned transaction logs)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            let status = try await context.state.bucketVersioning(name).status ?? "never enabled"
            return .expect(status == "Enabled", name, property: "versioning", expected: "Enabled", actual: status)
        }
    }

    static let bucketLifecycle = Check(
        id: "bucket-lifecycle", title: "an enabled lifecycle rule moves objects to a colder class and expires them", kind: .bucket,
        arguments: [
            .init("storage-class", "the class objects must transition to", type: .string, default: .text("GLACIER"), isMain: true),
            .init("transition-days", "the age in days of the transition; any when 0", type: .integer, default: .text("0")),
            .init("expiration-days", "the age in days at which objects expire; no expiry needed when 0", type: .integer, default: .text("0")),
        ],
        reads: ["s3:GetBucketLifecycleConfiguration"], origin: "seed 003 (no lifecycle policies for log retention)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            let storageClass = context.text("storage-class")
            let days = context.integer("transition-days")
            let expiry = context.integer("expiration-days")
            let expected = "Enabled whole-bucket rules transitioning to \(storageClass)\(days > 0 ? " at \(days) days" : "")\(expiry > 0 ? " and expiring at \(expiry) days" : "")"
            guard let rules = try await context.state.bucketLifecycle(name), !rules.isEmpty else {
                return .fail(name, "bucket \(name) lifecycle: expected \(expected), found no lifecycle configuration")
            }
            // Only rules for the whole bucket count: a rule for `tmp/` says nothing of the rest. The transition
            // and the expiry may come from different rules.
            let whole = rules.filter { $0.status == "Enabled" && isWholeBucket($0.filter) }
            let transitions = whole.flatMap(\.transitions).contains { $0.storageClass == storageClass && (days == 0 || $0.days == days) }
            let expires = expiry == 0 || whole.contains { $0.expiration?.days == expiry }
            let satisfied = transitions && expires
            let actual = rules.map { rule in
                let moves = rule.transitions.map { "\($0.storageClass ?? "?") at \($0.days.map(String.init) ?? $0.date ?? "?")" }.joined(separator: ", ")
                let scope = isWholeBucket(rule.filter) ? "" : " (only \(describe(rule.filter)))"
                return "\(rule.id ?? "rule") \(rule.status)\(scope): \(moves.isEmpty ? "no transitions" : moves), expiration \(rule.expiration?.days.map(String.init) ?? "none")"
            }.joined(separator: "; ")
            return .expect(satisfied, name, property: "lifecycle", expected: expected, actual: actual)
        }
    }

    static let bucketPublicAccessBlocked = Check(
        id: "bucket-public-access-blocked", title: "all four public access block settings are on", kind: .bucket,
        reads: ["s3:GetPublicAccessBlock"], origin: "seed 003 (transaction logs must never be public)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            guard let block = try await context.state.bucketPublicAccessBlock(name) else { return .fail(name, "bucket \(name) public access block: expected all four true, found none configured") }
            let actual = "blockPublicAcls=\(block.blockPublicAcls), ignorePublicAcls=\(block.ignorePublicAcls), blockPublicPolicy=\(block.blockPublicPolicy), restrictPublicBuckets=\(block.restrictPublicBuckets)"
            return .expect(block.blocksEverything, name, property: "public access block", expected: "all four true", actual: actual)
        }
    }

    static let bucketDeniesInsecureTransport = Check(
        id: "bucket-denies-insecure-transport", title: "the bucket policy denies every request made without TLS", kind: .bucket,
        reads: ["s3:GetBucketPolicy"], origin: "seed 003 (TLS-only access to payment data)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            guard let policy = try await context.state.bucketPolicy(name) else {
                return .fail(name, "bucket \(name) policy: expected a Deny of s3:* to * when aws:SecureTransport is false, found no bucket policy")
            }
            let denies = policy.document.deniesInsecureTransport(for: ["arn:aws:s3:::\(name)", "arn:aws:s3:::\(name)/*"])
            return denies
                ? .pass(name, "bucket \(name) policy denies requests without TLS")
                : .fail(name, "bucket \(name) policy: expected a Deny of s3:* to * on the bucket and its objects when aws:SecureTransport is false, found none in \(policy.text)")
        }
    }

    static let bucketReplicatesTo = Check(
        id: "bucket-replicates-to", title: "an enabled replication rule copies the bucket to the destination", kind: .bucket,
        arguments: [.init("destination", "the destination bucket name or ARN", type: .string, isMain: true)],
        reads: ["s3:GetBucketReplication"], origin: "seed 003 (cross-region replication missing)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            let destination = context.text("destination")
            let arn = destination.hasPrefix("arn:") ? destination : "arn:aws:s3:::\(destination)"
            guard let replication = try await context.state.bucketReplication(name) else {
                return .fail(name, "bucket \(name) replication: expected an Enabled whole-bucket rule to \(arn), found none configured")
            }
            let actual = replication.rules.map { "\($0.id ?? "rule") \($0.status)\(isWholeBucket($0.filter) ? "" : " (only \(describe($0.filter)))") to \($0.destination.bucket)" }.joined(separator: "; ")
            let found = replication.rules.contains { $0.status == "Enabled" && $0.destination.bucket == arn && isWholeBucket($0.filter) }
            return .expect(found, name, property: "replication", expected: "an Enabled whole-bucket rule to \(arn)", actual: actual.isEmpty ? "no rules" : actual)
        }
    }

    static let bucketTagged = Check(
        id: "bucket-tagged", title: "the bucket carries the required tag keys", kind: .bucket,
        arguments: [.init("keys", "tag keys that must be present, e.g. [Environment, Name]", type: .strings, isMain: true)],
        reads: ["s3:GetBucketTagging"], origin: "seeds 000 and 003 (tagging compliance)"
    ) { context in
        try await context.eachResource { name in
            guard try await context.state.bucketRegion(name) != nil else { return .fail(name, "bucket \(name) does not exist") }
            let tags = try await context.state.bucketTags(name) ?? [:]
            let missing = context.list("keys").filter { tags[$0] == nil }
            return .expect(missing.isEmpty, name, property: "tags", expected: "keys \(context.list("keys").joined(separator: ", "))", actual: tags.isEmpty ? "no tags" : "missing \(missing.joined(separator: ", ")) among \(tags.keys.sorted().joined(separator: ", "))")
        }
    }

    // MARK: KMS keys

    static let keyEnabled = Check(
        id: "kms-key-enabled", title: "the KMS key is enabled", kind: .kmsKey,
        reads: ["kms:DescribeKey"], origin: "seed 004 (the logs key must be usable)"
    ) { context in
        try await context.eachResource { id in
            guard let metadata = try await context.state.keyMetadata(id) else { return .fail(id, "KMS key \(id) does not exist") }
            let state = metadata.keyState ?? (metadata.enabled == true ? "Enabled" : "Disabled")
            return .expect(state == "Enabled", id, property: "keyState", expected: "Enabled", actual: state)
        }
    }

    static let keyRotationEnabled = Check(
        id: "kms-key-rotation-enabled", title: "automatic rotation of the KMS key is on", kind: .kmsKey,
        reads: ["kms:GetKeyRotationStatus"], origin: "seed 004 (key rotation for SOC 2)"
    ) { context in
        try await context.eachResource { id in
            guard try await context.state.keyMetadata(id) != nil else { return .fail(id, "KMS key \(id) does not exist") }
            guard let rotation = try await context.state.keyRotation(id) else {
                return .fail(id, "\(id) keyRotationEnabled: expected true, found rotation not supported for this kind of key")
            }
            return .expect(rotation.keyRotationEnabled, id, property: "keyRotationEnabled", expected: "true", actual: String(rotation.keyRotationEnabled))
        }
    }

    static let keyPolicyGrantsService = Check(
        id: "kms-key-policy-grants-service", title: "the key policy lets a service principal use the key", kind: .kmsKey,
        arguments: [
            .init("principal", "the service principal, e.g. logs.us-east-1.amazonaws.com", type: .string, isMain: true),
            .init("actions", "the actions it must be allowed", type: .strings, default: .list(["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"])),
        ],
        reads: ["kms:GetKeyPolicy"], origin: "seed 004 (the logs key had no policy for logs.<region>.amazonaws.com)"
    ) { context in
        try await context.eachResource { id in
            guard let policy = try await context.state.keyPolicy(id) else { return .fail(id, "KMS key \(id) does not exist") }
            let principal = context.text("principal")
            let actions = context.list("actions")
            return policy.document.grantsService(principal, actions: actions)
                ? .pass(id, "KMS key \(id) policy grants \(principal) \(actions.joined(separator: ", "))")
                : .fail(id, "KMS key \(id) policy: expected an Allow of \(actions.joined(separator: ", ")) to \(principal), found none in \(policy.text)")
        }
    }

    // MARK: Log groups

    static let logGroupRetention = Check(
        id: "log-group-retention", title: "the log group keeps events for the expected number of days", kind: .logGroup,
        arguments: [.init("days", "the retention in days", type: .integer, isMain: true)],
        reads: ["logs:DescribeLogGroups"], origin: "seed 004 (log retention per environment)"
    ) { context in
        try await context.eachResource { name in
            guard let group = try await context.state.logGroup(name) else { return .fail(name, "log group \(name) does not exist") }
            let actual = group.retentionInDays.map(String.init) ?? "never expire"
            return .expect(group.retentionInDays == context.integer("days"), name, property: "retentionInDays", expected: context.text("days"), actual: actual)
        }
    }

    static let logGroupEncryptedWith = Check(
        id: "log-group-encrypted-with", title: "the log group is encrypted with the stack's KMS key", kind: .logGroup,
        arguments: [.init("key", "the key ARN", type: .string, isMain: true)],
        reads: ["logs:DescribeLogGroups"], origin: "seed 004 (encrypted log groups for SOC 2)"
    ) { context in
        try await context.eachResource { name in
            guard let group = try await context.state.logGroup(name) else { return .fail(name, "log group \(name) does not exist") }
            let matches = try await sameKey(group.kmsKeyId, context.text("key"), state: context.state)
            return .expect(matches, name, property: "kmsKeyId", expected: context.text("key"), actual: group.kmsKeyId ?? "none (not encrypted with a KMS key)")
        }
    }

    /// Whether two key references (ARN, bare id or alias) name the same key; aliases are looked up.
    static func sameKey(_ actual: String?, _ expected: String, state: LiveState) async throws -> Bool {
        guard let actual else { return false }
        let (left, right) = (try await state.keyARN(actual), try await state.keyARN(expected))
        let id = { (reference: String) in reference.split(separator: "/").last.map(String.init) ?? reference }
        return left == right || id(left) == id(right)
    }

    /// Whether a lifecycle or replication filter covers every object of the bucket.
    static func isWholeBucket(_ filter: S3.ObjectFilter) -> Bool {
        (filter.prefix ?? "").isEmpty && filter.tags.isEmpty && filter.objectSizeGreaterThan == nil && filter.objectSizeLessThan == nil
    }

    /// `prefix logs/, tags a=b`.
    static func describe(_ filter: S3.ObjectFilter) -> String {
        var parts: [String] = []
        if let prefix = filter.prefix, !prefix.isEmpty { parts.append("prefix \(prefix)") }
        parts += filter.tags.keys.sorted().map { "tag \($0)=\(filter.tags[$0]!)" }
        if let size = filter.objectSizeGreaterThan { parts.append("objects over \(size) bytes") }
        if let size = filter.objectSizeLessThan { parts.append("objects under \(size) bytes") }
        return parts.joined(separator: ", ")
    }
}
