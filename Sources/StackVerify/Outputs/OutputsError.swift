/// Why a deploy's outputs file could not be used. Every case names the file, and the key or stack at fault.
public enum OutputsError: Error, Equatable, CustomStringConvertible {
    /// No file at the path: nothing was deployed, or the outputs were not exported.
    case fileMissing(path: String)
    /// The file exists but cannot be read.
    case unreadable(path: String)
    /// The file is not JSON.
    case malformedJSON(path: String, reason: String)
    /// The JSON is not one of the shapes a deploy writes.
    case unrecognizedShape(path: String, reason: String)
    /// No stack of that name in a nested or CloudFormation file.
    case stackNotFound(path: String, stack: String, available: [String])
    /// Several stacks could be meant; `--stack` must pick one.
    case ambiguousStack(path: String, candidates: [String])
    /// The spec asks for a key the outputs do not have.
    case keyMissing(path: String, key: String, available: [String])
    /// A key matches several outputs once names are normalized.
    case ambiguousKey(path: String, key: String, candidates: [String])
    /// An output holds a value of the wrong kind for its use.
    case wrongType(path: String, key: String, expected: String, actual: String)

    /// What is wrong, where, and what to do.
    public var description: String {
        switch self {
        case let .fileMissing(path):
            return "Outputs file \(path) does not exist. Deploy first (`cdktf deploy` writes cfn-outputs/flat-outputs.json; "
                + "for CloudFormation, `aws cloudformation describe-stacks --stack-name NAME > \(path)`), or name the file with --outputs / STACK_OUTPUTS_FILE."
        case let .unreadable(path):
            return "Outputs file \(path) cannot be read: check its permissions."
        case let .malformedJSON(path, reason):
            return "Outputs file \(path) is not valid JSON: \(reason)."
        case let .unrecognizedShape(path, reason):
            return "Outputs file \(path) is not a deploy's outputs: \(reason). Expected CDKTF flat ({\"key\": value}), "
                + "CDKTF nested ({\"StackName\": {\"key\": value}}) or CloudFormation describe-stacks JSON ({\"Stacks\": [...]})."
        case let .stackNotFound(path, stack, available):
            return "Outputs file \(path) has no stack '\(stack)'; it has: \(available.joined(separator: ", "))."
        case let .ambiguousStack(path, candidates):
            return "Outputs file \(path) holds several stacks (\(candidates.joined(separator: ", "))); pick one with --stack or --suffix."
        case let .keyMissing(path, key, available):
            return "Outputs file \(path) has no output '\(key)'; it has: \(available.isEmpty ? "no outputs at all" : available.joined(separator: ", "))."
        case let .ambiguousKey(path, key, candidates):
            return "Output '\(key)' in \(path) is ambiguous: it matches \(candidates.joined(separator: ", ")); use the exact name."
        case let .wrongType(path, key, expected, actual):
            return "Output '\(key)' in \(path) holds \(actual), where \(expected) is needed."
        }
    }
}
