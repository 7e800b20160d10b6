import AWSClient
import AWSServices
import Foundation
import Testing

/// Every CloudWatch Logs read, decoded from the emulator's answers about the `encryption` stack's log group
/// (90 days, encrypted with the stack's key), as the read-only identity with signature checking on.
@Suite(
    "live: CloudWatch Logs reads of the encryption stack's log group",
    .enabled(if: LiveEmulator.shouldRun, LiveEmulator.skipReason),
    .enabled(if: FixtureOutputs.encryption.isAvailable, FixtureOutputs.encryption.skipReason)
)
struct LiveLogsTests {
    let outputs = FixtureOutputs.encryption

    func logs() throws -> CloudWatchLogs { CloudWatchLogs(client: try LiveEmulator.client()) }

    @Test("DescribeLogGroups: retention, key, ARNs and counters")
    func logGroup() async throws {
        let name = try outputs.string("log_group_name")
        let group = try #require(try await logs().logGroups(prefix: name).first { $0.logGroupName == name })
        #expect(group.retentionInDays == 90)
        #expect(group.kmsKeyId == (try outputs.string("kms_key_arn")))
        #expect(group.arn == (try outputs.string("log_group_arn")) + ":*")
        #expect(group.taggingARN == (try outputs.string("log_group_arn")))
        #expect(group.creationTime != nil)
        #expect(group.metricFilterCount == 0)
        #expect(group.storedBytes == 0)
    }

    @Test("DescribeLogGroups walks every page of all groups")
    func allGroups() async throws {
        let groups = try await logs().logGroups()
        #expect(groups.contains { $0.logGroupName == (try? outputs.string("log_group_name")) })
        #expect(Set(groups.map(\.logGroupName)).count == groups.count)
    }

    @Test("DescribeMetricFilters and DescribeSubscriptionFilters: the stack defines none")
    func filters() async throws {
        let name = try outputs.string("log_group_name")
        #expect(try await logs().metricFilters(logGroupName: name).isEmpty)
        #expect(try await logs().subscriptionFilters(logGroupName: name).isEmpty)
    }

    @Test("ListTagsForResource with the ARN DescribeLogGroups gives: the stack's tags")
    func tags() async throws {
        let name = try outputs.string("log_group_name")
        let group = try #require(try await logs().logGroups(prefix: name).first { $0.logGroupName == name })
        let tags = try await logs().tags(resourceARN: try #require(group.arn))
        #expect(tags["Name"] == name)
        #expect(tags["FixtureStack"] == "encryption")
    }
}
