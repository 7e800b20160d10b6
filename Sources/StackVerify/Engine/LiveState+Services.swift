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
    /// Whether automatic rotation is on.
    public var keyRotationEnabled: Bool
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

    func bucket(_ name: String) async throws -> BucketConfiguration? {
        try await existing("s3:bucket:\(name)") { [s3] in
            let region = try await s3.headBucket(name)
            async let encryption = s3.encryption(bucket: name)
            async let versioning = s3.versioning(bucket: name)
            async let lifecycle = s3.lifecycle(bucket: name)
            async let publicAccessBlock = s3.publicAccessBlock(bucket: name)
            async let policy = s3.policy(bucket: name)
            async let replication = s3.replication(bucket: name)
            async let logging = s3.logging(bucket: name)
            async let tags = s3.tagging(bucket: name)
            async let ownership = s3.ownershipControls(bucket: name)
            return BucketConfiguration(
                name: name, region: region, encryption: try await encryption, versioning: try await versioning,
                lifecycle: try await lifecycle, publicAccessBlock: try await publicAccessBlock, policy: try await policy?.text,
                replication: try await replication, logging: try await logging, tags: try await tags, objectOwnership: try await ownership
            )
        }
    }

    func bucketPolicy(_ name: String) async throws -> ResourcePolicy? {
        try await read("s3:bucket-policy:\(name)") { [s3] in try await s3.policy(bucket: name) }
    }

    func key(_ id: String) async throws -> KeyConfiguration? {
        try await existing("kms:key:\(id)") { [kms] in
            let metadata = try await kms.describeKey(keyID: id)
            async let rotation = kms.keyRotationStatus(keyID: metadata.keyId)
            async let policy = kms.keyPolicy(keyID: metadata.keyId)
            async let tags = kms.resourceTags(keyID: metadata.keyId)
            let status = try await rotation
            return KeyConfiguration(
                metadata: metadata, keyRotationEnabled: status.keyRotationEnabled, rotationPeriodInDays: status.rotationPeriodInDays,
                policy: try await policy.text, tags: try await tags
            )
        }
    }

    func keyPolicy(_ id: String) async throws -> ResourcePolicy? {
        guard let key = try await key(id) else { return nil }
        return try await read("kms:key-policy:\(key.metadata.keyId)") { [kms] in try await kms.keyPolicy(keyID: key.metadata.keyId) }
    }

    func logGroup(_ name: String) async throws -> CloudWatchLogs.LogGroup? {
        try await read("logs:log-group:\(name)") { [logs] in
            try await logs.logGroups(prefix: name).first { $0.logGroupName == name }
        }
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
        case 2: return (parts[0], parts[1])
        default: return ("default", path)
        }
    }
}
