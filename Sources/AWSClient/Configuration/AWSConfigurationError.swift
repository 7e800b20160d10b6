/// Why StackVerify could not work out which credentials, region or endpoint to use.
public enum AWSConfigurationError: Error, Equatable, CustomStringConvertible {
    /// No source had credentials; `lookedAt` lists every place tried, in order.
    case missingCredentials(profile: String, lookedAt: [String])
    /// A source had part of a key pair.
    case partialCredentials(source: String, missing: [String])
    /// No source named a region; `lookedAt` lists every place tried, in order.
    case missingRegion(profile: String, lookedAt: [String])
    /// The profile named explicitly exists in neither shared file.
    case profileNotFound(profile: String, files: [String])
    /// The profile gets its credentials in a way StackVerify does not support.
    case unsupportedCredentialSource(profile: String, file: String, setting: String)
    /// A shared file exists but cannot be read.
    case unreadableFile(path: String)
    /// A shared file is not valid INI.
    case malformedFile(path: String, line: Int, reason: String)
    /// A setting holds a value that cannot be used.
    case invalidSetting(name: String, value: String, reason: String)

    /// What is wrong and what to do about it.
    public var description: String {
        switch self {
        case let .missingCredentials(profile, lookedAt):
            return "No AWS credentials found (profile '\(profile)'). Looked at: \(lookedAt.joined(separator: "; ")). "
                + "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add the profile to a shared credentials file."
        case let .partialCredentials(source, missing):
            return "Incomplete AWS credentials in \(source): \(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") missing. Set both the access key id and the secret access key."
        case let .missingRegion(profile, lookedAt):
            return "No AWS region set (profile '\(profile)'). Looked at: \(lookedAt.joined(separator: "; ")). "
                + "Pass --region, or set AWS_REGION, or add `region = ...` to the profile."
        case let .profileNotFound(profile, files):
            return "AWS profile '\(profile)' is not in \(files.joined(separator: " or ")). Check AWS_PROFILE / --profile, or add the profile."
        case let .unsupportedCredentialSource(profile, file, setting):
            return "Profile '\(profile)' in \(file) gets credentials through `\(setting)`, which StackVerify does not support yet. "
                + "Export the resolved credentials (e.g. `aws configure export-credentials --format env`) and run again."
        case let .unreadableFile(path):
            return "Cannot read AWS shared file \(path): check that it is a readable file."
        case let .malformedFile(path, line, reason):
            return "AWS shared file \(path), line \(line): \(reason)."
        case let .invalidSetting(name, value, reason):
            return "\(name)=\(value) is not usable: \(reason)."
        }
    }
}
