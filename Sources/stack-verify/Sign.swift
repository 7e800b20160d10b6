import AWSClient
import ArgumentParser
import Foundation

/// `stack-verify sign`: signs a raw HTTP request and shows each step, for checking a signer against AWS's.
struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a raw HTTP/1.1 request with SigV4 and print the canonical request, the string to sign and the Authorization header.",
        discussion: """
        The request (request line, headers, a blank line, the body) is read from --request or standard input and \
        signed exactly as given: only X-Amz-Date is added when the request has none, X-Amz-Security-Token when \
        --session-token is given, and for --service s3 X-Amz-Content-SHA256. Keys default to AWS_ACCESS_KEY_ID and \
        AWS_SECRET_ACCESS_KEY.
        """
    )

    @Option(help: "A file holding the raw request (default: standard input).")
    var request: String?

    @Option(help: "The service signing name, e.g. ec2, s3, logs. s3 selects S3's rules.")
    var service: String

    @Option(help: "The region of the credential scope.")
    var region: String

    @Option(name: .customLong("access-key"), help: "The access key id.")
    var accessKey: String?

    @Option(name: .customLong("secret-key"), help: "The secret access key.")
    var secretKey: String?

    @Option(name: .customLong("session-token"), help: "A session token to add as X-Amz-Security-Token.")
    var sessionToken: String?

    @Option(help: "The signing time, YYYYMMDDTHHMMSSZ (default: the request's X-Amz-Date, else now).")
    var date: String?

    @Flag(name: .customLong("authorization-only"), help: "Print only the Authorization header value.")
    var authorizationOnly = false

    func validate() throws {
        if let date, SigV4Signer.date(fromAmzDate: date) == nil {
            throw ValidationError("--date \(date) is not of the form YYYYMMDDTHHMMSSZ, e.g. 20150830T123600Z")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let accessKey = accessKey ?? environment["AWS_ACCESS_KEY_ID"], !accessKey.isEmpty else {
            throw InputError(description: "--access-key is missing (and AWS_ACCESS_KEY_ID is not set)")
        }
        guard let secretKey = secretKey ?? environment["AWS_SECRET_ACCESS_KEY"], !secretKey.isEmpty else {
            throw InputError(description: "--secret-key is missing (and AWS_SECRET_ACCESS_KEY is not set)")
        }
        let source = request ?? "standard input"
        let data: Data
        if let path = request {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw InputError(description: "--request \(path): no readable file there")
            }
            defer { try? file.close() }
            data = file.readDataToEndOfFile()
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        var parsed: HTTPRequest
        do {
            parsed = try RawHTTPRequest.parse(data)
        } catch {
            throw InputError(description: "\(source): \(error)")
        }
        let signingDate = try resolveDate(headerValue: parsed.headers["X-Amz-Date"])
        if parsed.headers["X-Amz-Date"] == nil, date != nil {
            parsed.headers.add(name: "X-Amz-Date", value: SigV4Signer.amzDate(signingDate))
        }
        let signer = SigV4Signer(region: region, service: service, rules: service == "s3" ? .s3 : .standard)
        let signature = signer.sign(parsed, credentials: Credentials(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: sessionToken), date: signingDate)
        if authorizationOnly {
            print(signature.authorization)
        } else {
            print("# Canonical request\n\(signature.canonicalRequest)\n\n# String to sign\n\(signature.stringToSign)\n\n# Authorization\n\(signature.authorization)")
        }
    }

    /// The signing time: `--date`, which must agree with the request's own X-Amz-Date if it has one.
    private func resolveDate(headerValue: String?) throws -> Date {
        guard let date else { return Date() }
        guard let parsed = SigV4Signer.date(fromAmzDate: date) else {
            preconditionFailure("validate() accepts only parseable dates")
        }
        if let headerValue, headerValue.trimmingCharacters(in: .whitespaces) != date {
            throw InputError(description: "--date \(date) disagrees with the request's X-Amz-Date \(headerValue); drop one of them")
        }
        return parsed
    }
}
