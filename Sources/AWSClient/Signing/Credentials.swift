/// An access key pair, and the session token that temporary credentials carry.
public struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// The access key id, e.g. `AKIDEXAMPLE`; not secret.
    public var accessKeyID: String
    /// The secret access key; never printed.
    public var secretAccessKey: String
    /// The session token of temporary credentials; never printed.
    public var sessionToken: String?

    /// Credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The access key id and whether a session token is present; secrets are left out.
    public var description: String {
        "Credentials(accessKeyID: \(accessKeyID), secret: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"))"
    }
}
