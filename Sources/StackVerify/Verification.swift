import Foundation

/// Where a verification's inputs come from, resolved the same way by the CLI and the test suites.
public struct VerificationInputs: Sendable {
    /// The spec file.
    public var specPath: String
    /// The outputs file; default `STACK_OUTPUTS_FILE`, else `cfn-outputs/flat-outputs.json`.
    public var outputsPath: String
    /// The stack to pick in a file holding several.
    public var stack: String?
    /// The environment suffix; default `ENVIRONMENT_SUFFIX`, else inferred from the outputs.
    public var suffix: String?

    /// Inputs, with the environment's defaults filled in for what is not given.
    public init(specPath: String, outputsPath: String? = nil, stack: String? = nil, suffix: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.specPath = specPath
        self.outputsPath = outputsPath ?? environment["STACK_OUTPUTS_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? StackOutputs.defaultPath
        self.stack = stack
        self.suffix = suffix ?? environment["ENVIRONMENT_SUFFIX"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads the spec and the outputs and binds them: every input fault is thrown here, before any AWS call.
    /// A spec that refers to no output runs without an outputs file (by tags and `${suffix}`); one that
    /// does fails on a missing file, so a gate never passes on a stack that was not deployed.
    public func plan() throws -> Plan {
        let spec = try SpecParser.load(path: specPath)
        let outputs: StackOutputs
        if spec.referencedOutputs.isEmpty, !FileManager.default.fileExists(atPath: outputsPath) {
            outputs = StackOutputs(path: outputsPath, stackName: nil, values: [:])
        } else {
            outputs = try StackOutputs.load(path: outputsPath, stack: stack, suffix: suffix)
        }
        return try SpecBinder.bind(spec, outputs: outputs, suffix: outputs.environmentSuffix(given: suffix))
    }

    /// Whether the spec can run: its outputs file exists, or it refers to no output.
    public var isRunnable: Bool {
        FileManager.default.fileExists(atPath: outputsPath) || ((try? SpecParser.load(path: specPath))?.referencedOutputs.isEmpty ?? false)
    }
}
