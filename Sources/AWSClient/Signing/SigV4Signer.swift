import Foundation

/// AWS Signature Version 4, Authorization-header form. Pure: it reads a request and returns what to add to it.
///
/// The request's path and query are taken as they are on the wire. For every service but S3 the path is
/// normalized (dot segments and empty segments removed) and percent-encoded once more; S3 signs the path as
/// sent and always signs the payload hash in `X-Amz-Content-SHA256`.
public struct SigV4Signer: Sendable {
    /// Which canonicalization rules apply.
    public enum Rules: Sendable, Equatable {
        /// Every service but S3.
        case standard
        /// S3: no path normalization, no double encoding, `X-Amz-Content-SHA256` signed.
        case s3
    }

    /// The intermediate values and the result of signing one request.
    public struct Signature: Sendable, Equatable {
        /// The canonical request (task 1).
        public var canonicalRequest: String
        /// The string to sign (task 2).
        public var stringToSign: String
        /// The value of the `Authorization` header (task 4).
        public var authorization: String
        /// The request with `X-Amz-Date`, the session token, the content hash and `Authorization` added.
        public var signedRequest: HTTPRequest
    }

    /// The region in the credential scope.
    public var region: String
    /// The signing name of the service in the credential scope, e.g. `ec2`, `logs`.
    public var service: String
    /// The canonicalization rules.
    public var rules: Rules
    private let keyCache: SigningKeyCache

    /// Headers never signed, as the AWS SDKs do: proxies and clients may change them in transit.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// A signer for one region and service, sharing derived keys through `keyCache`.
    public init(region: String, service: String, rules: Rules = .standard, keyCache: SigningKeyCache = SigningKeyCache()) {
        self.region = region
        self.service = service
        self.rules = rules
        self.keyCache = keyCache
    }

    /// The `YYYYMMDDTHHMMSSZ` form of `date`, as `X-Amz-Date` carries it.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// The date an `X-Amz-Date` value (`YYYYMMDDTHHMMSSZ`) stands for; `nil` when it is not of that form.
    public static func date(fromAmzDate text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }

    /// Signs `request` with `credentials`. The signing time is the request's `X-Amz-Date` when it has one,
    /// else `date`, which is then added as `X-Amz-Date`. A session token is added as `X-Amz-Security-Token`
    /// unless the request carries one already.
    public func sign(_ request: HTTPRequest, credentials: Credentials, date: Date) -> Signature {
        var request = request
        request.headers.remove("Authorization")
        let timestamp: String
        if let given = request.headers["X-Amz-Date"] {
            timestamp = given.trimmingCharacters(in: .whitespaces)
        } else {
            timestamp = Self.amzDate(date)
            request.headers.add(name: "X-Amz-Date", value: timestamp)
        }
        if let token = credentials.sessionToken, !request.headers.contains("X-Amz-Security-Token") {
            request.headers.add(name: "X-Amz-Security-Token", value: token)
        }
        let payloadHash: String
        if let declared = request.headers["X-Amz-Content-SHA256"] {
            payloadHash = declared
        } else {
            payloadHash = Digest.hex(Digest.sha256(request.body))
            if rules == .s3 {
                request.headers.add(name: "X-Amz-Content-SHA256", value: payloadHash)
            }
        }

        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(request.headers)
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let day = String(timestamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            timestamp,
            scope,
            Digest.hex(Digest.sha256(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")

        let key = keyCache.key(credentials: credentials, day: day, region: region, service: service)
        let signature = Digest.hex(Digest.hmacSHA256(key: key, Array(stringToSign.utf8)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        request.headers.add(name: "Authorization", value: authorization)
        return Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign, authorization: authorization, signedRequest: request)
    }

    /// The canonical URI: for S3 the path as sent; otherwise normalized and encoded once more.
    func canonicalURI(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        switch rules {
        case .s3:
            return path
        case .standard:
            return PercentEncoding.encode(Self.removeDotSegments(path), keepingSlashes: true)
        }
    }

    /// Removes `.`, `..` and empty segments, keeping a leading and a trailing slash.
    static func removeDotSegments(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return leading + segments.joined(separator: "/") + trailing
    }

    /// The canonical query: each name and value decoded, re-encoded by AWS's rules, sorted by name then value.
    static func canonicalQuery(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: true)
            .map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = PercentEncoding.encode(PercentEncoding.decode(parts[0]))
                let value = parts.count > 1 ? PercentEncoding.encode(PercentEncoding.decode(parts[1])) : ""
                return (name, value)
            }
            .sorted { $0.0 == $1.0 ? $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The canonical header block and the signed-header list: names lower-cased and sorted, values trimmed
    /// with inner runs of white space folded to one space, repeated names joined by commas in order.
    static func canonicalHeaders(_ headers: HTTPHeaders) -> (block: String, signed: String) {
        var valuesByName: [String: [String]] = [:]
        for field in headers {
            let name = field.name.lowercased().trimmingCharacters(in: .whitespaces)
            guard !unsignedHeaders.contains(name) else { continue }
            let folded = field.value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            valuesByName[name, default: []].append(folded)
        }
        let names = valuesByName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let block = names.map { "\($0):\(valuesByName[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }
}
