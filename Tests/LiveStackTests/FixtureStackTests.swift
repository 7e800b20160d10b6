import StackVerify
import Testing

/// Records every result of a case that did not pass as an issue carrying its message.
func expectPassed(_ stack: LiveStack, _ testCase: LiveStack.Case) async {
    for result in await stack.run(testCase) {
        Issue.record(Comment(rawValue: "[\(result.status.rawValue)] \(result.check) \(result.resource ?? ""): \(result.message)"))
    }
}

@Suite("the demo stack in cfn-outputs/flat-outputs.json meets docs/specs/demo.yaml", .enabled(if: FixtureStacks.demo.shouldRun, Comment(rawValue: FixtureStacks.demo.skipReason)))
struct DemoStackTests {
    @Test(arguments: FixtureStacks.demo.cases)
    func check(_ testCase: LiveStack.Case) async { await expectPassed(FixtureStacks.demo, testCase) }
}

@Suite("the banking VPC (seeds 000, 002) meets docs/specs/banking.yaml", .enabled(if: FixtureStacks.banking.shouldRun, Comment(rawValue: FixtureStacks.banking.skipReason)))
struct BankingStackTests {
    @Test(arguments: FixtureStacks.banking.cases)
    func check(_ testCase: LiveStack.Case) async { await expectPassed(FixtureStacks.banking, testCase) }
}

@Suite("the LMS stack (seed 001) meets docs/specs/lms.yaml", .enabled(if: FixtureStacks.lms.shouldRun, Comment(rawValue: FixtureStacks.lms.skipReason)))
struct LMSStackTests {
    @Test(arguments: FixtureStacks.lms.cases)
    func check(_ testCase: LiveStack.Case) async { await expectPassed(FixtureStacks.lms, testCase) }
}

@Suite("the encryption stack (seed 004) meets docs/specs/encryption.yaml", .enabled(if: FixtureStacks.encryption.shouldRun, Comment(rawValue: FixtureStacks.encryption.skipReason)))
struct EncryptionStackTests {
    @Test(arguments: FixtureStacks.encryption.cases)
    func check(_ testCase: LiveStack.Case) async { await expectPassed(FixtureStacks.encryption, testCase) }
}

@Suite("the storage stack (seed 003) meets docs/specs/storage.yaml", .enabled(if: FixtureStacks.storage.shouldRun, Comment(rawValue: FixtureStacks.storage.skipReason)))
struct StorageStackTests {
    @Test(arguments: FixtureStacks.storage.cases)
    func check(_ testCase: LiveStack.Case) async { await expectPassed(FixtureStacks.storage, testCase) }
}
