import StackVerifyXCTest

/// The XCTest route: a subclass naming the demo spec verifies the demo stack in cfn-outputs/.
final class DemoStackXCTests: StackVerifyTestCase {
    override var specPath: String { FixtureStacks.root.appendingPathComponent("docs/specs/demo.yaml").path }
    override var outputsPath: String? { FixtureStacks.root.appendingPathComponent("cfn-outputs/flat-outputs.json").path }

    func testDeployedStack() async throws { try await verifyDeployedStack() }
}
