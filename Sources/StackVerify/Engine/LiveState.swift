import AWSClient
import AWSServices
import Synchronization

/// The live state of the account as the checks see it: every read goes through here and is made once,
/// however many resources and checks need it, and shared by tasks running concurrently.
public final class LiveState: Sendable {
    /// The client reads are made with.
    public let client: AWSClient
    private let reads = Mutex<[String: Task<any Sendable, any Error>]>([:])
    private let started = Mutex(0)

    /// Live state read through `client`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// How many distinct reads were made: the measure of "each resource read once".
    public var readCount: Int { started.withLock { $0 } }

    /// The result of the read named `key`, made by `body` the first time it is asked for.
    func read<Value: Sendable>(_ key: String, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = reads.withLock { reads -> Task<any Sendable, any Error> in
            if let existing = reads[key] { return existing }
            started.withLock { $0 += 1 }
            let task = Task<any Sendable, any Error> { try await body() }
            reads[key] = task
            return task
        }
        // The key names one read, so its result always has the type this caller expects.
        return try await task.value as! Value
    }

    var ec2: EC2 { EC2(client: client) }
    var s3: S3 { S3(client: client) }
    var kms: KMS { KMS(client: client) }
    var logs: CloudWatchLogs { CloudWatchLogs(client: client) }
    var ecs: ECS { ECS(client: client) }
}
