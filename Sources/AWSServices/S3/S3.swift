import AWSClient
import Foundation

/// Reads of Amazon S3, over its REST-XML protocol. A bucket in another region is followed there: when S3
/// answers with a redirect (301 `PermanentRedirect` and `x-amz-bucket-region`) or refuses the signature's
/// region (400 `AuthorizationHeaderMalformed`), the call is signed again for the bucket's region, which is
/// remembered for later calls by this value and its copies.
///
/// A bucket setting that was never configured is `nil`, not an error: every read below documents the
/// error code S3 uses to say so. A bucket that does not exist is an `AWSError` of kind `.notFound` naming it.
public struct S3: Sendable {
    private let client: AWSClient
    private let regions = BucketRegions()

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

    /// The region `bucket` is in, as HeadBucket answers (`x-amz-bucket-region`); throws `.notFound` naming the
    /// bucket when there is no such bucket, and `.auth` when it exists but the caller may not read it.
    public func headBucket(_ bucket: String) async throws -> String {
        let (response, region) = try await send(.restXML(operation: "HeadBucket", method: "HEAD", bucket: bucket), bucket: bucket)
        return response.headers["x-amz-bucket-region"] ?? region
    }

    /// The region `bucket` is in, as GetBucketLocation answers: S3 writes no constraint for `us-east-1` and
    /// `EU` for `eu-west-1`; both are returned as region names.
    public func bucketLocation(_ bucket: String) async throws -> String {
        let root = try xml(try await get("GetBucketLocation", "location", bucket: bucket), "GetBucketLocation", bucket: bucket)
        let region = switch root.text {
        case "": "us-east-1"
        case "EU": "eu-west-1"
        default: root.text
        }
        regions.remember(region, for: bucket)
        return region
    }

    /// Sends a bucket request to the bucket's region, following S3 once to another region; returns the
    /// answer and the region that gave it. Errors name the bucket.
    func send(_ request: OperationRequest, bucket: String) async throws -> (HTTPResponse, String) {
        let region = regions.region(of: bucket) ?? client.configuration.region
        do {
            do {
                return (try await client.send(request, region: region), region)
            } catch let error as AWSError {
                guard let actual = Self.redirectRegion(error), actual != region else { throw error }
                regions.remember(actual, for: bucket)
                return (try await client.send(request, region: actual), actual)
            }
        } catch var error as AWSError {
            error.message = error.message.isEmpty && error.kind == .notFound
                ? "bucket \(bucket) does not exist"
                : "bucket \(bucket): \(error.message.isEmpty ? error.code ?? "no message" : error.message)"
            throw error
        }
    }

    /// The region S3 says a bucket is really in, when `error` says the request went to the wrong one.
    static func redirectRegion(_ error: AWSError) -> String? {
        guard let status = error.status, [301, 307, 400].contains(status) else { return nil }
        if let region = error.bucketRegion, !region.isEmpty { return region }
        // "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"
        guard error.code == "AuthorizationHeaderMalformed", let range = error.message.range(of: "expecting '") else { return nil }
        let region = error.message[range.upperBound...].prefix { $0 != "'" }
        return region.isEmpty ? nil : String(region)
    }

    /// GETs a bucket sub-resource (`?encryption`...).
    func get(_ operation: String, _ subresource: String, bucket: String) async throws -> HTTPResponse {
        try await send(.restXML(operation: operation, method: "GET", bucket: bucket, query: [(subresource, nil)]), bucket: bucket).0
    }

    /// GETs a bucket sub-resource; `nil` when S3 answers with `notConfigured`, its code for a setting never made.
    func getIfConfigured(_ operation: String, _ subresource: String, bucket: String, notConfigured: String) async throws -> HTTPResponse? {
        do {
            return try await get(operation, subresource, bucket: bucket)
        } catch let error as AWSError where error.code == notConfigured {
            return nil
        }
    }

    /// The XML of a bucket sub-resource's answer.
    func xml(_ response: HTTPResponse, _ operation: String, bucket: String) throws -> XML.Element {
        try client.xml(response, of: .restXML(operation: operation, method: "GET", bucket: bucket))
    }
}
