import Foundation

/// Where one service is reached, and why there.
public struct ServiceEndpoint: Sendable, Equatable {
    /// The endpoint requests go to.
    public var endpoint: Endpoint
    /// Whether it was configured (an emulator, a proxy, a VPC endpoint) rather than AWS's own host name.
    public var isCustom: Bool
    /// Where it came from, e.g. `AWS_ENDPOINT_URL_S3` or `AWS default`.
    public var source: String

    /// AWS's own endpoint of `service` in `region`.
    public static func awsDefault(for service: AWSService, region: String) -> ServiceEndpoint {
        let dnsSuffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let host: String
        switch service {
        case .s3 where region == "us-east-1":
            // S3 keeps its historical global name for us-east-1, as the SDKs still address it.
            host = "s3.amazonaws.com"
        default:
            host = "\(service.signingName).\(region).\(dnsSuffix)"
        }
        return ServiceEndpoint(endpoint: Endpoint(scheme: "https", host: host), isCustom: false, source: "AWS default for \(region)")
    }

    /// A configured endpoint URL, read from the setting `name`.
    static func custom(url text: String, settingName name: String) throws(AWSConfigurationError) -> ServiceEndpoint {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw .invalidSetting(name: name, value: text, reason: "expected an http:// or https:// URL with a host, e.g. http://127.0.0.1:5000")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw .invalidSetting(name: name, value: text, reason: "an endpoint URL may not carry a path or a query")
        }
        return ServiceEndpoint(endpoint: Endpoint(scheme: scheme, host: host, port: components.port), isCustom: true, source: name)
    }
}
