import Foundation
import StackVerify

/// The fixture stacks scripts/test deploys into the emulator, each verified against its example spec.
/// Each outputs file comes from `STACKVERIFY_<STACK>_OUTPUTS`, else `.stackverify/outputs/<stack>.json`;
/// the demo stack is read where a deploy writes, `cfn-outputs/flat-outputs.json`.
enum FixtureStacks {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func stack(_ name: String) -> LiveStack {
        let environment = ProcessInfo.processInfo.environment
        let outputs = environment["STACKVERIFY_\(name.uppercased())_OUTPUTS"] ?? root.appendingPathComponent(".stackverify/outputs/\(name).json").path
        return LiveStack(VerificationInputs(specPath: root.appendingPathComponent("docs/specs/\(name).yaml").path, outputsPath: outputs))
    }

    static let demo = LiveStack(VerificationInputs(
        specPath: root.appendingPathComponent("docs/specs/demo.yaml").path,
        outputsPath: root.appendingPathComponent(StackOutputs.defaultPath).path
    ))
    static let banking = stack("banking")
    static let lms = stack("lms")
    static let encryption = stack("encryption")
    static let storage = stack("storage")
}
