import Foundation
import Testing

/// `stack-verify describe`, how a user learns why a check failed.
@Suite("describe shows live resources as a spec names them", .enabled(if: ClientCommandTests.emulatorRunning || ClientCommandTests.isCI, "no emulator: run scripts/test"))
struct DescribeCommandTests {
    static func demoOutput(_ key: String) throws -> String {
        let outputs = StackVerifyBinary.repositoryRoot.appendingPathComponent("cfn-outputs/flat-outputs.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: outputs)) as? [String: Any]
        return try #require(object?[key] as? String, "cfn-outputs/flat-outputs.json has no \(key): scripts/test deploys the demo stack")
    }

    @Test("readable by default: the properties a spec can test, with their live values")
    func readable() async throws {
        let vpc = try Self.demoOutput("vpc_id")
        let run = try await StackVerifyBinary.run(["describe", "vpc", vpc], environment: try ClientCommandTests.emulatorEnvironment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("vpc \(vpc)\n"))
        #expect(run.stdout.contains("  cidrBlock: 10.50.0.0/16"))
        #expect(run.stdout.contains("  enableDnsHostnames: true"))
    }

    @Test("--json gives the full model")
    func json() async throws {
        let bucket = try Self.demoOutput("bucket_name")
        let run = try await StackVerifyBinary.run(["describe", "bucket", bucket, "--json"], environment: try ClientCommandTests.emulatorEnvironment())
        #expect(run.status == 0, "\(run.stderr)")
        let model = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(model["name"] as? String == bucket)
        #expect(((model["encryption"] as? [[String: Any]])?.first?["sseAlgorithm"] as? String) == "aws:kms")
    }

    @Test("a resource that does not exist exits 1 naming it and the region")
    func missing() async throws {
        let run = try await StackVerifyBinary.run(["describe", "subnet", "subnet-00000000000000000"], environment: try ClientCommandTests.emulatorEnvironment())
        #expect(run.status == 1)
        #expect(run.stderr.contains("no subnet subnet-00000000000000000 in us-east-1"))
    }

    @Test("an unknown type exits 2 listing the types")
    func unknownType() async throws {
        let run = try await StackVerifyBinary.run(["describe", "vcp", "vpc-1"], environment: [:])
        #expect(run.status == 2)
        #expect(run.stderr.contains("vcp"))
        #expect(run.stderr.contains("route-table"))
    }
}
