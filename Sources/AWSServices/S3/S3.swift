import AWSClient

/// Reads of Amazon S3, over its REST-XML protocol.
public struct S3: Sendable {
    private let client: AWSClient

    /// S3 through `client`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// A bucket as ListBuckets names it.
    public struct BucketSummary: Sendable, Equatable, Codable {
        /// The bucket name.
        public var name: String
        /// When it was created, as S3 writes it.
        public var creationDate: String
    }

    /// The buckets the caller owns.
    public func buckets() async throws -> [BucketSummary] {
        let request = OperationRequest.restXML(operation: "ListBuckets", method: "GET", bucket: nil)
        let response = try await client.send(request)
        let root = try client.xml(response, of: request)
        return root.element(at: "Buckets")?.children("Bucket").map {
            BucketSummary(name: $0.text(at: "Name") ?? "", creationDate: $0.text(at: "CreationDate") ?? "")
        } ?? []
    }
}
