import AWSClient
import Foundation
import Testing

/// `stack-verify check`, run as a CI stage runs it: each outcome has its own exit code and one message
/// naming the culprit.
struct CheckCommandTests {
    static let root = StackVerifyBinary.repositoryRoot
    static let demoSpec = root.appendingPathComponent("docs/specs/demo.yaml").path

    static func write(_ text: String, ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let credentialsOnly = ["HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "FAKESECRETEXAMPLE", "AWS_REGION": "us-east-1"]

    @Test("a missing outputs file exits 2 with the path and how to produce it, never a pass")
    func missingOutputs() async throws {
        let run = try await StackVerifyBinary.run(["check", "--spec", Self.demoSpec, "--outputs", "/no/such/flat-outputs.json"], environment: Self.credentialsOnly)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Outputs file /no/such/flat-outputs.json does not exist"))
        #expect(run.stderr.contains("cdktf deploy"))
    }

    @Test("an outputs file without a key the spec uses exits 2 naming the key and the keys present")
    func missingKey() async throws {
        let outputs = try Self.write(#"{"subnet_ids": ["subnet-1"], "bucket_name": "b"}"#, ext: "json")
        let run = try await StackVerifyBinary.run(["check", "--spec", Self.demoSpec, "--outputs", outputs], environment: Self.credentialsOnly)
        #expect(run.status == 2)
        #expect(run.stderr.contains("has no output 'vpc_id'; it has: bucket_name, subnet_ids"))
    }

    @Test("a spec error exits 2 with file, line and column, before any AWS call")
    func specError() async throws {
        let spec = try Self.write("resources:\n  - name: v\n    type: vpc\n    id: x\n    checks: [vpc-dns-enbled]\n", ext: "yaml")
        let outputs = try Self.write(#"{"vpc_id": "vpc-1"}"#, ext: "json")
        let environment = Self.credentialsOnly.merging(["AWS_ENDPOINT_URL": "http://127.0.0.1:9"]) { $1 }
        let run = try await StackVerifyBinary.run(["check", "--spec", spec, "--outputs", outputs], environment: environment)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: \(spec):5:14: unknown check `vpc-dns-enbled`"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!run.stderr.contains("127.0.0.1:9"))
    }

    @Test("AWS out of reach exits 3 naming the endpoint")
    func unreachable() async throws {
        let outputs = try Self.write(#"{"vpc_id": "vpc-1", "subnet_ids": [], "kms_key_arn": "k", "bucket_name": "b", "log_group_name": "l", "ecs_cluster_name": "c"}"#, ext: "json")
        let environment = Self.credentialsOnly.merging(["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1"]) { $1 }
        let run = try await StackVerifyBinary.run(["check", "--quiet", "--spec", Self.demoSpec, "--outputs", outputs, "--suffix", "x"], environment: environment)
        #expect(run.status == 3)
        #expect(run.stdout.contains("127.0.0.1:9"))
        #expect(!run.allOutput.contains("FAKESECRETEXAMPLE"))
    }

    @Test("the demo stack passes: exit 0, a result table, and JUnit and JSON files",
          .enabled(if: ClientCommandTests.emulatorRunning || ClientCommandTests.isCI, "no emulator: run scripts/test"))
    func demoPasses() async throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml").path
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json").path
        let outputs = Self.root.appendingPathComponent("cfn-outputs/flat-outputs.json").path
        let run = try await StackVerifyBinary.run(["check", "--spec", Self.demoSpec, "--outputs", outputs, "--junit", junit, "--json", json], environment: try ClientCommandTests.emulatorEnvironment())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("PASSED:"))
        #expect(run.stderr.contains("checking vpc"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"vpc\""))
        #expect(xml.contains("failures=\"0\""))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect((report?["results"] as? [Any])?.isEmpty == false)
    }

    @Test("a stack found by its suffix alone needs no outputs file; a suffix with no stack fails every entry",
          .enabled(if: ProcessInfo.processInfo.environment["STACKVERIFY_BANKING_OUTPUTS"] != nil || ClientCommandTests.isCI, "no banking fixture: run scripts/test"))
    func bySuffix() async throws {
        let spec = Self.root.appendingPathComponent("docs/specs/banking-by-suffix.yaml").path
        let environment = try ClientCommandTests.emulatorEnvironment()
        let deployed = try await StackVerifyBinary.run(["check", "--quiet", "--spec", spec, "--suffix", "live", "--outputs", "/no/outputs/needed.json"], environment: environment)
        #expect(deployed.status == 0, "\(deployed.stdout)\(deployed.stderr)")
        let absent = try await StackVerifyBinary.run(["check", "--quiet", "--spec", spec, "--suffix", "never-deployed", "--outputs", "/no/outputs/needed.json"], environment: environment)
        #expect(absent.status == 1)
        #expect(absent.stdout.contains("`vpc`: expected 1 vpc resources, found 0 (tags Name=banking-vpc-never-deployed)"))
    }

    @Test("a stack that differs from the spec exits 1, naming the resource, expected and actual value",
          .enabled(if: ClientCommandTests.emulatorRunning || ClientCommandTests.isCI, "no emulator: run scripts/test"))
    func differenceFails() async throws {
        let spec = try Self.write("resources:\n  - name: vpc\n    type: vpc\n    id: ${outputs.vpc_id}\n    checks:\n      - vpc-cidr: 10.99.0.0/16\n", ext: "yaml")
        let outputs = Self.root.appendingPathComponent("cfn-outputs/flat-outputs.json").path
        let run = try await StackVerifyBinary.run(["check", "--spec", spec, "--outputs", outputs], environment: try ClientCommandTests.emulatorEnvironment())
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL   vpc-cidr  [vpc]  vpc-"))
        #expect(run.stdout.contains("cidrBlock: expected 10.99.0.0/16, found 10.50.0.0/16"))
    }
}
