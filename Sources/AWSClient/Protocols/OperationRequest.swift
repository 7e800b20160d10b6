import Foundation

/// A call to one AWS operation, encoded by its protocol but not yet addressed, signed or sent.
public struct OperationRequest: Sendable, Equatable {
    /// The service called.
    public var service: AWSService
    /// The operation, e.g. `DescribeVpcs`, as errors and logs name it.
    public var operation: String
    /// The HTTP method.
    public var method: String
    /// The path below the endpoint, percent-encoded; for S3 below the bucket.
    public var path: String
    /// The query, percent-encoded, without `?`.
    public var query: String
    /// Protocol headers (content type, target).
    public var headers: HTTPHeaders
    /// The encoded body.
    public var body: Data
    /// The S3 bucket addressed, which decides virtual-hosted or path-style addressing.
    public var bucket: String?

    /// A request.
    public init(service: AWSService, operation: String, method: String, path: String = "/", query: String = "", headers: HTTPHeaders = [:], body: Data = Data(), bucket: String? = nil) {
        self.service = service
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bucket = bucket
    }

    /// An AWS query-protocol call (EC2, STS): a form-encoded POST of `Action`, `Version` and the parameters.
    public static func query(service: AWSService, action: String, version: String, parameters: [(String, String)] = []) -> OperationRequest {
        let form = PercentEncoding.formEncode([("Action", action), ("Version", version)] + parameters)
        return OperationRequest(
            service: service, operation: action, method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Data(form.utf8)
        )
    }

    /// An AWS JSON 1.1 call (KMS, CloudWatch Logs, ECS): a POST of a JSON document naming the operation in `X-Amz-Target`.
    public static func json(service: AWSService, targetPrefix: String, operation: String, body: Data) -> OperationRequest {
        OperationRequest(
            service: service, operation: operation, method: "POST",
            headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "\(targetPrefix).\(operation)"],
            body: body.isEmpty ? Data("{}".utf8) : body
        )
    }

    /// An S3 REST-XML call on `bucket` (or on the service when `nil`), with sub-resource and parameter query items.
    public static func restXML(operation: String, method: String, bucket: String?, query: [(String, String?)] = []) -> OperationRequest {
        let encoded = query.map { name, value in
            value.map { "\(PercentEncoding.encode(name))=\(PercentEncoding.encode($0))" } ?? PercentEncoding.encode(name)
        }.joined(separator: "&")
        return OperationRequest(service: .s3, operation: operation, method: method, path: "/", query: encoded, bucket: bucket)
    }
}
