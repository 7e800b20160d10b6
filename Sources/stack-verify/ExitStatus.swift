import AWSClient
import ArgumentParser

/// The exit codes of `stack-verify`, one per kind of outcome, so that CI can tell them apart.
enum ExitStatus: Int32, CaseIterable {
    /// Everything asked for succeeded.
    case success = 0
    /// A verification check failed.
    case checkFailed = 1
    /// Bad input: flags, a request file, a spec or an outputs file.
    case badInput = 2
    /// AWS could not be reached, or refused the call, after retries.
    case awsFailure = 3
    /// Credentials, region or endpoints could not be resolved from the environment and files.
    case configuration = 4
    /// StackVerify refused to send a mutating request: a defect in StackVerify itself.
    case readOnlyViolation = 5
    /// An unexpected internal failure.
    case internalError = 70

    /// The status for an error thrown by a command.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case is AWSError: .awsFailure
        case is AWSConfigurationError: .configuration
        case is InputError: .badInput
        case is ReadOnlyViolation: .readOnlyViolation
        default: .internalError
        }
    }
}

/// Input the user gave that cannot be used: names the file or flag at fault.
struct InputError: Error, CustomStringConvertible {
    /// What is wrong, naming the file or flag, and what to do.
    var description: String
}
