/// The AWS services StackVerify reads, with what it takes to address and sign a request to each.
public enum AWSService: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Amazon EC2 and VPC (query protocol).
    case ec2
    /// Amazon S3 (REST-XML).
    case s3
    /// AWS KMS (JSON 1.1).
    case kms
    /// Amazon CloudWatch Logs (JSON 1.1).
    case logs
    /// Amazon ECS (JSON 1.1).
    case ecs
    /// AWS STS (query protocol).
    case sts

    /// The name used in the credential scope and in endpoint host names.
    public var signingName: String { rawValue }

    /// The suffix of this service's own endpoint variable, `AWS_ENDPOINT_URL_<suffix>`.
    public var endpointVariableSuffix: String {
        switch self {
        case .ec2: "EC2"
        case .s3: "S3"
        case .kms: "KMS"
        case .logs: "CLOUDWATCH_LOGS"
        case .ecs: "ECS"
        case .sts: "STS"
        }
    }

    /// The service's name as AWS documents it.
    public var displayName: String {
        switch self {
        case .ec2: "EC2"
        case .s3: "S3"
        case .kms: "KMS"
        case .logs: "CloudWatch Logs"
        case .ecs: "ECS"
        case .sts: "STS"
        }
    }

    /// The lower-case service name, as in `ec2`.
    public var description: String { rawValue }
}
