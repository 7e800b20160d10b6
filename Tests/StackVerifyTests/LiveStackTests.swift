import Foundation
import Testing
@testable import StackVerify

/// How test suites behave before anything is deployed.
struct LiveStackReadinessTests {
    static let inputs = VerificationInputs(specPath: "docs/specs/demo.yaml", outputsPath: "/no/such/flat-outputs.json", environment: [:])

    @Test("without an outputs file a developer's run is skipped, naming the file")
    func skippedLocally() {
        let stack = LiveStack(Self.inputs, environment: [:])
        #expect(!stack.shouldRun)
        #expect(stack.skipReason.contains("/no/such/flat-outputs.json"))
    }

    @Test("without an outputs file a CI run fails, naming the file and how to produce it")
    func failsUnderCI() async {
        let stack = LiveStack(Self.inputs, environment: ["CI": "true"])
        #expect(stack.shouldRun)
        let results = await stack.run(stack.cases[0])
        #expect(results.count == 1)
        #expect(results.first?.status == .error)
        #expect(results.first?.message.contains("/no/such/flat-outputs.json does not exist") == true)
    }

    @Test("a broken spec fails every run, locally too")
    func brokenSpecFails() throws {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString).json")
        try #"{"vpc_id": "vpc-1"}"#.write(to: outputs, atomically: true, encoding: .utf8)
        let stack = LiveStack(VerificationInputs(specPath: "/no/such/spec.yaml", outputsPath: outputs.path, environment: [:]), environment: [:])
        #expect(stack.shouldRun)
        guard case let .broken(reason) = stack.readiness else { Issue.record("expected broken, got \(stack.readiness)"); return }
        #expect(reason.contains("/no/such/spec.yaml"))
    }
}
