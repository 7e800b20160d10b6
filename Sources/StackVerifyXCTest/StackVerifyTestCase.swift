import Foundation
import StackVerify
import XCTest

/// A base class for teams whose tests are XCTest: subclass it, return the spec (and, if not the default,
/// the outputs file), and declare one test that calls `verifyDeployedStack()`:
///
///     final class PaymentsStackTests: StackVerifyTestCase {
///         override var specPath: String { "specs/payments.yaml" }
///         func testDeployedStack() async throws { try await verifyDeployedStack() }
///     }
///
/// (XCTest on Linux finds only test methods declared in the test target itself, so the one-line test
/// cannot be inherited.) With no outputs file the test is skipped on a developer's machine and fails
/// when `CI=true`.
open class StackVerifyTestCase: XCTestCase {
    /// The spec to verify; subclasses override it.
    open var specPath: String { "" }

    /// The outputs file; default `STACK_OUTPUTS_FILE`, else `cfn-outputs/flat-outputs.json`.
    open var outputsPath: String? { nil }

    /// The environment suffix; default `ENVIRONMENT_SUFFIX`, else inferred from the outputs.
    open var suffix: String? { nil }

    /// Verifies the whole spec, failing once per result that did not pass, with its message.
    public func verifyDeployedStack(file: StaticString = #filePath, line: UInt = #line) async throws {
        guard !specPath.isEmpty else {
            XCTFail("\(type(of: self)) names no spec: override specPath", file: file, line: line)
            return
        }
        let stack = LiveStack(VerificationInputs(specPath: specPath, outputsPath: outputsPath, suffix: suffix))
        if !stack.shouldRun {
            throw XCTSkip(stack.skipReason)
        }
        for testCase in stack.cases {
            for result in await stack.run(testCase) {
                XCTFail("\(testCase) [\(result.status.rawValue)] \(result.message)", file: file, line: line)
            }
        }
    }
}
