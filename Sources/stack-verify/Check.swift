import AWSClient
import ArgumentParser
import Foundation
import StackVerify

/// `stack-verify check`: verifies a deployed stack against a spec.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify a deployed stack against a spec, resource by resource.",
        discussion: "Exit 0 when every check passes, 1 when one fails, 2 on a bad spec, outputs file or flag, 3 when AWS cannot be read."
    )

    @Option(help: "The spec file (YAML or JSON); see docs/spec.md.")
    var spec: String

    @Option(help: "The deploy's outputs file (default: STACK_OUTPUTS_FILE, else cfn-outputs/flat-outputs.json).")
    var outputs: String?

    @Option(help: "The stack to verify in an outputs file that holds several.")
    var stack: String?

    @Option(help: "The environment suffix (default: ENVIRONMENT_SUFFIX, else inferred from the outputs).")
    var suffix: String?

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Also write the results as JSON to this file.")
    var json: String?

    @Flag(help: "Print no progress while checks run.")
    var quiet = false

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let plan: Plan
        do {
            plan = try VerificationInputs(specPath: spec, outputsPath: outputs, stack: stack, suffix: suffix).plan()
        } catch let error as SpecErrors {
            // One fault is one line; several are listed under a count, one per line.
            throw InputError(description: error.errors.count == 1 ? error.description : "spec \(spec) has \(error.errors.count) errors:\n\(error)")
        } catch let error as OutputsError {
            throw InputError(description: error.description)
        }
        let client = try options.client()
        let quiet = quiet
        let report = await Verifier(client: client).verify(plan) { event in
            guard !quiet else { return }
            switch event {
            case let .started(entry, resources):
                printError("checking \(entry) (\(resources) resource\(resources == 1 ? "" : "s"))")
            case let .result(result) where result.status != .passed:
                printError("  \(result.status == .error ? "ERROR" : "FAIL") \(result.check): \(result.message)")
            case .result:
                break
            }
        }
        print(report.text)
        if let junit { try write(Data(report.junit.utf8), to: junit, flag: "--junit") }
        if let json { try write(try report.json(), to: json, flag: "--json") }
        switch report.outcome {
        case .passed: return
        case .failed: throw ExitCode(ExitStatus.checkFailed.rawValue)
        case .error: throw ExitCode(ExitStatus.awsFailure.rawValue)
        }
    }

    private func write(_ data: Data, to path: String, flag: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw InputError(description: "\(flag) \(path): cannot write there (\(error.localizedDescription))")
        }
    }
}
