import Foundation
import Testing
@testable import StackVerify

/// Reading a deploy's outputs file in every shape deploys write it.
struct StackOutputsTests {
    static func write(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("CDKTF flat: snake_case keys and native JSON lists")
    func cdktfFlat() throws {
        let path = try Self.write(#"{"vpc_id": "vpc-1", "private_subnet_ids": ["subnet-a", "subnet-b"], "flow_log_interval": 600, "dns": true}"#)
        let outputs = try StackOutputs.load(path: path)
        #expect(try outputs.string("vpc_id") == "vpc-1")
        #expect(try outputs.list("private_subnet_ids") == ["subnet-a", "subnet-b"])
        #expect(try outputs.string("flow_log_interval") == "600")
        #expect(try outputs.string("dns") == "true")
        #expect(outputs.stackName == nil)
    }

    @Test("CDKTF nested: the stack is picked by name, by suffix, or as the only one")
    func cdktfNested() throws {
        let path = try Self.write(#"{"TapStackpr12": {"vpc_id": "vpc-12"}, "TapStackpr34": {"vpc_id": "vpc-34"}}"#)
        #expect(try StackOutputs.load(path: path, stack: "TapStackpr34").string("vpc_id") == "vpc-34")
        #expect(try StackOutputs.load(path: path, suffix: "pr12").string("vpc_id") == "vpc-12")
        #expect(throws: OutputsError.ambiguousStack(path: path, candidates: ["TapStackpr12", "TapStackpr34"])) { try StackOutputs.load(path: path) }
        #expect(throws: OutputsError.stackNotFound(path: path, stack: "Nope", available: ["TapStackpr12", "TapStackpr34"])) { try StackOutputs.load(path: path, stack: "Nope") }
        let single = try Self.write(#"{"TapStackdev": {"vpc_id": "vpc-d"}}"#)
        let outputs = try StackOutputs.load(path: single)
        #expect(outputs.stackName == "TapStackdev")
        #expect(outputs.environmentSuffix(given: nil) == "dev")
    }

    @Test("CloudFormation describe-stacks: OutputKey/OutputValue, comma-joined lists")
    func cloudFormation() throws {
        let path = try Self.write(#"{"Stacks": [{"StackName": "TapStacksynth1", "Outputs": [{"OutputKey": "VPCId", "OutputValue": "vpc-9"}, {"OutputKey": "PrivateSubnetIds", "OutputValue": "subnet-1, subnet-2,subnet-3"}]}]}"#)
        let outputs = try StackOutputs.load(path: path)
        #expect(try outputs.string("vpc_id") == "vpc-9")
        #expect(try outputs.list("private_subnet_ids") == ["subnet-1", "subnet-2", "subnet-3"])
        #expect(outputs.environmentSuffix(given: nil) == "synth1")
    }

    @Test("a list may be a JSON-encoded string")
    func jsonEncodedList() throws {
        let path = try Self.write(#"{"SubnetIds": "[\"subnet-1\",\"subnet-2\"]"}"#)
        #expect(try StackOutputs.load(path: path).list("subnet_ids") == ["subnet-1", "subnet-2"])
    }

    @Test("keys match exactly first, then by normalized name; an ambiguous match is an error")
    func keyMatching() throws {
        let path = try Self.write(#"{"vpc_id": "a", "VpcId": "b", "BucketName": "c"}"#)
        let outputs = try StackOutputs.load(path: path)
        #expect(try outputs.string("VpcId") == "b")
        #expect(try outputs.string("bucket_name") == "c")
        #expect(throws: OutputsError.ambiguousKey(path: path, key: "VPCId", candidates: ["VpcId", "vpc_id"])) { try outputs.string("VPCId") }
    }

    @Test("a missing key names the file and the keys that exist")
    func missingKey() throws {
        let path = try Self.write(#"{"bucket_name": "b", "kms_key_arn": "arn"}"#)
        let error = try #require(throws: OutputsError.self) { try StackOutputs.load(path: path).string("vpc_id") }
        #expect(error.description == "Outputs file \(path) has no output 'vpc_id'; it has: bucket_name, kms_key_arn.")
    }

    @Test("a list where one value is needed is a type error")
    func wrongType() throws {
        let path = try Self.write(#"{"vpc_id": ["vpc-1", "vpc-2"]}"#)
        #expect(throws: OutputsError.wrongType(path: path, key: "vpc_id", expected: "a single value", actual: "a list of 2")) { try StackOutputs.load(path: path).string("vpc_id") }
    }

    @Test("a missing file is an error that says how to produce it, never an empty set of outputs")
    func missingFile() throws {
        let error = try #require(throws: OutputsError.self) { try StackOutputs.load(path: "/no/such/flat-outputs.json") }
        #expect(error == .fileMissing(path: "/no/such/flat-outputs.json"))
        #expect(error.description.contains("cdktf deploy"))
    }

    @Test("files that are not outputs are refused naming the file", arguments: [
        ("not json", "is not valid JSON"), ("[1, 2]", "the top level is not a JSON object"), (#"{"Stacks": [{"Outputs": []}]}"#, "no StackName"),
    ])
    func badFiles(contents: String, reason: String) throws {
        let path = try Self.write(contents)
        let error = try #require(throws: OutputsError.self) { try StackOutputs.load(path: path) }
        #expect(error.description.contains(path))
        #expect(error.description.contains(reason))
    }
}
