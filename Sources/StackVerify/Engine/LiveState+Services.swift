import AWSClient
import AWSServices
import Foundation

/// Everything S3 says about one bucket's configuration: the view a spec's bucket properties name.
public struct BucketConfiguration: Sendable, Codable {
    /// The bucket name.
    public var name: String
    /// The region the bucket is in.
    public var region: String
    /// Default encryption rules; `nil` when none is configured.
    public var encryption: [S3.EncryptionRule]?
    /// Versioning state.
    public var versioning: S3.Versioning
    /// Lifecycle rules; `nil` when none is configured.
    public var lifecycle: [S3.LifecycleRule]?
    /// The public access block; `nil` when none is configured.
    public var publicAccessBlock: S3.PublicAccessBlock?
    /// The bucket policy's JSON; `nil` when there is none.
    public var policy: String?
    /// Replication; `nil` when none is configured.
    public var replication: S3.ReplicationConfiguration?
    /// Server access logging; `nil` when off.
    public var logging: S3.Logging?
    /// Tags; `nil` when there are none.
    public var tags: [String: String]?
    /// Object ownership; `nil` when not configured.
    public var objectOwnership: String?
}

/// What KMS says about one key: the view a spec's key properties name.
public struct KeyConfiguration: Sendable, Codable {
    /// DescribeKey's metadata.
    public var metadata: KMS.KeyMetadata
    /// Whether automatic rotation is on; `nil` for keys KMS cannot rotate.
    public var keyRotationEnabled: Bool?
    /// The rotation period, when KMS reports one.
    public var rotationPeriodInDays: Int?
    /// The key policy's JSON.
    public var policy: String
    /// Tags.
    public var tags: [String: String]
}

/// S3, KMS, CloudWatch Logs and ECS reads, each made once.
extension LiveState {
    /// A resource AWS says does not exist is `nil`; other failures are thrown.
    func existing<Value: Sendable>(_ key: String, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value? {
        try await read(key) {
            do {
                return try await body()
            } catch let error as AWSError where error.kind == .notFound {
                return nil
            }
        }
    }

    /// The bucket's region when it exists (HeadBucket), else `nil`: the existence test of every bucket check.
    func bucketRegion(_ name: String) async throws -> String? {
        try await existing("s3:head:\(name)") { [s3] in try await s3.headBucket(name) }
    }

    // Each setting is its own read, so a check needs only the permission for what it tests, and one denied
    // setting does not take the bucket's other checks down with it.
    func bucketEncryption(_ name: String) async throws -> [S3.EncryptionRule]? {
        try await read("s3:encryption:\(name)") { [s3] in try await s3.encryption(bucket: name) }
    }

    func bucketVersioning(_ name: String) async throws -> S3.Versioning {
        try await read("s3:versioning:\(name)") { [s3] in try await s3.versioning(bucket: name) }
    }

    func bucketLifecycle(_ name: String) async throws -> [S3.LifecycleRule]? {
        try await read("s3:lifecycle:\(name)") { [s3] in try await s3.lifecycle(bucket: name) }
    }

    func bucketPublicAccessBlock(_ name: String) async throws -> S3.PublicAccessBlock? {
        try await read("s3:public-access-block:\(name)") { [s3] in try await s3.publicAccessBlock(bucket: name) }
    }

    func bucketPolicy(_ name: String) async throws -> ResourcePolicy? {
        try await read("s3:bucket-policy:\(name)") { [s3] in try await s3.policy(bucket: name) }
    }

    func bucketReplication(_ name: String) async throws -> S3.ReplicationConfiguration? {
        try await read("s3:replication:\(name)") { [s3] in try await s3.replication(bucket: name) }
    }

    func bucketTags(_ name: String) async throws -> [String: String]? {
        try await read("s3:tagging:\(name)") { [s3] in try await s3.tagging(bucket: name) }
    }

    /// Every setting of the bucket, as `describe` and spec properties show it.
    func bucket(_ name: String) async throws -> BucketConfiguration? {
        guard let region = try await bucketRegion(name) else { return nil }
        async let encryption = bucketEncryption(name)
        async let versioning = bucketVersioning(name)
        async let lifecycle = bucketLifecycle(name)
        async let publicAccessBlock = bucketPublicAccessBlock(name)
        async let policy = bucketPolicy(name)
        async let replication = bucketReplication(name)
        async let tags = bucketTags(name)
        async let logging = read("s3:logging:\(name)") { [s3] in try await s3.logging(bucket: name) }
        async let ownership = read("s3:ownership:\(name)") { [s3] in try await s3.ownershipControls(bucket: name) }
        return BucketConfiguration(
            name: name, region: region, encryption: try await encryption, versioning: try await versioning,
            lifecycle: try await lifecycle, publicAccessBlock: try await publicAccessBlock, policy: try await policy?.text,
            replication: try await replication, logging: try await logging, tags: try await tags, objectOwnership: try await ownership
        )
    }

    func keyMetadata(_ id: String) async throws -> KMS.KeyMetadata? {
        try await existing("kms:key:\(id)") { [kms] in try await kms.describeKey(keyID: id) }
    }

    /// Whether the key rotates; `nil` for keys KMS cannot rotate (asymmetric, HMAC, imported material).
    func keyRotation(_ id: String) async throws -> KMS.KeyRotationStatus? {
        guard let metadata = try await keyMetadata(id) else { return nil }
        return try await read("kms:rotation:\(metadata.keyId)") { [kms] in
            do {
                return try await kms.keyRotationStatus(keyID: metadata.keyId)
            } catch let error as AWSError where error.code == "UnsupportedOperationException" {
                return nil
            }
        }
    }

    func keyPolicy(_ id: String) async throws -> ResourcePolicy? {
        guard let metadata = try await keyMetadata(id) else { return nil }
        return try await read("kms:key-policy:\(metadata.keyId)") { [kms] in try await kms.keyPolicy(keyID: metadata.keyId) }
    }

    /// Everything about the key, as `describe` and spec properties show it.
    func key(_ id: String) async throws -> KeyConfiguration? {
        guard let metadata = try await keyMetadata(id) else { return nil }
        async let rotation = keyRotation(id)
        async let policy = keyPolicy(id)
        async let tags = read("kms:tags:\(metadata.keyId)") { [kms] in try await kms.resourceTags(keyID: metadata.keyId) }
        let status = try await rotation
        return KeyConfiguration(
            metadata: metadata, keyRotationEnabled: status?.keyRotationEnabled, rotationPeriodInDays: status?.rotationPeriodInDays,
            policy: try await policy?.text ?? "", tags: try await tags
        )
    }

    /// The ARN of the key a reference (id, ARN or alias) names, for comparing keys; the reference itself
    /// when the key cannot be found.
    func keyARN(_ reference: String) async throws -> String {
        guard reference.contains("alias/") else { return reference }
        return try await keyMetadata(reference)?.arn ?? reference
    }

    func logGroup(_ name: String) async throws -> CloudWatchLogs.LogGroup? {
        try await read("logs:log-group:\(name)") { [logs] in
            try await logs.logGroups(prefix: name).first { $0.logGroupName == name }
        }
    }

    func logGroupTags(_ group: CloudWatchLogs.LogGroup) async throws -> [String: String] {
        guard let arn = group.taggingARN else { return [:] }
        return try await read("logs:tags:\(arn)") { [logs] in try await logs.tags(resourceARN: arn) }
    }

    func cluster(_ name: String) async throws -> ECS.Cluster? {
        try await single("ecs:cluster:\(name)") { [ecs] in try await ecs.clusters(names: [name]) }
    }

    /// The service named by its ARN (`.../service/CLUSTER/NAME`) or `CLUSTER/NAME`.
    func service(_ id: String) async throws -> ECS.Service? {
        let (cluster, name) = Self.clusterAndName(of: id)
        return try await single("ecs:service:\(cluster)/\(name)") { [ecs] in try await ecs.services(cluster: cluster, names: [name]) }
    }

    /// The service as ECS reports it now, bypassing the shared read: for waiting on a deploy to settle.
    func freshService(_ id: String) async throws -> ECS.Service? {
        let (cluster, name) = Self.clusterAndName(of: id)
        do {
            return try await ecs.services(cluster: cluster, names: [name]).first
        } catch let error as AWSError where error.kind == .notFound {
            return nil
        }
    }

    func taskDefinition(_ id: String) async throws -> ECS.TaskDefinition? {
        try await existing("ecs:task-definition:\(id)") { [ecs] in try await ecs.taskDefinition(id) }
    }

    /// `arn:aws:ecs:region:account:service/cluster/name` or `cluster/name` → (cluster, name).
    static func clusterAndName(of id: String) -> (String, String) {
        let path = id.split(separator: ":").last.map(String.init) ?? id
        let parts = path.split(separator: "/").map(String.init)
        switch parts.count {
        case 3...: return (parts[parts.count - 2], parts[parts.count - 1])
        case 2 where parts[0] == "service":
            // The old ARN format, `.../service/NAME`, names no cluster: the default one.
            return ("default", parts[1])
        case 2: return (parts[0], parts[1])
        default: return ("default", path)
        }
    }
}
