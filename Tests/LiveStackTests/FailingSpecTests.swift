import Foundation
import StackVerify
import Testing

/// The suites can fail: a spec that asks the banking fixture for what it is not gets failures that
/// name the resource, the expected and the actual value.
@Suite("a spec the live stack does not meet fails with the resource, expected and actual value", .enabled(if: FixtureStacks.banking.shouldRun, Comment(rawValue: FixtureStacks.banking.skipReason)))
struct FailingSpecTests {
    @Test func wrongExpectationsFail() async throws {
        let spec = FileManager.default.temporaryDirectory.appendingPathComponent("wrong-\(UUID().uuidString).yaml")
        try """
        resources:
          - name: vpc
            type: vpc
            id: ${outputs.vpc_id}
            checks:
              - vpc-cidr: 10.99.0.0/16
        """.write(to: spec, atomically: true, encoding: .utf8)
        let environment = ProcessInfo.processInfo.environment
        let outputs = environment["STACKVERIFY_BANKING_OUTPUTS"] ?? FixtureStacks.root.appendingPathComponent(".stackverify/outputs/banking.json").path
        let stack = LiveStack(VerificationInputs(specPath: spec.path, outputsPath: outputs))
        let failures = await stack.run(LiveStack.Case(entry: "vpc", check: "vpc-cidr"))
        let failure = try #require(failures.first)
        #expect(failure.status == .failed)
        #expect(failure.message.contains("expected 10.99.0.0/16, found 10.50.0.0/16"))
        #expect(failure.message.hasPrefix("vpc-"))
    }
}
