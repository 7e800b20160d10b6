import AWSClient
import AWSServices
import Foundation
import Testing

/// CloudWatch Logs reads decoded from answers recorded in real AWS shapes.
struct LogsRecordedTests {
    static let group = "/app/data-processor-pr123"

    static func logs(_ files: String...) throws -> (CloudWatchLogs, RecordedAWS) {
        let (client, aws) = try RecordedAWS.client("logs", files: files)
        return (CloudWatchLogs(client: client), aws)
    }

    @Test("DescribeLogGroups walks two pages by nextToken, every field decoded")
    func logGroupsPaginate() async throws {
        let (logs, aws) = try Self.logs("describe-log-groups-page-1.json", "describe-log-groups-page-2.json")
        let groups = try await logs.logGroups(prefix: Self.group)
        #expect(aws.target(0) == "Logs_20140328.DescribeLogGroups")
        #expect(try aws.jsonBody(0)["logGroupNamePrefix"] as? String == Self.group)
        #expect(try aws.jsonBody(0)["nextToken"] == nil)
        #expect(try aws.jsonBody(1)["nextToken"] as? String == "/app/data-processor-pr123/eyJ2IjoiMiJ9")
        #expect(groups.map(\.logGroupName) == [Self.group, "/app/data-processor-pr123-audit"])
        let group = groups[0]
        #expect(group.arn == "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123:*")
        #expect(group.logGroupArn == "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123")
        #expect(group.creationTime == 1_700_000_000_123)
        #expect(group.retentionInDays == 90)
        #expect(group.kmsKeyId == "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
        #expect(group.metricFilterCount == 2)
        #expect(group.storedBytes == 52_428_800)
        #expect(group.dataProtectionStatus == "ACTIVATED")
        #expect(group.logGroupClass == "STANDARD")
        let audit = groups[1]
        #expect(audit.retentionInDays == nil && audit.kmsKeyId == nil && audit.dataProtectionStatus == nil && audit.logGroupArn == nil)
        #expect(audit.logGroupClass == "INFREQUENT_ACCESS")
        #expect(audit.taggingARN == "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123-audit")
    }

    @Test("DescribeMetricFilters: pattern and metric transformations")
    func metricFilters() async throws {
        let (logs, aws) = try Self.logs("describe-metric-filters.json")
        let filters = try await logs.metricFilters(logGroupName: Self.group)
        #expect(try aws.jsonBody(0)["logGroupName"] as? String == Self.group)
        #expect(filters.map(\.filterName) == ["errors", "latency"])
        #expect(filters[0].filterPattern == "?ERROR ?Exception")
        #expect(filters[0].logGroupName == Self.group)
        #expect(filters[0].creationTime == 1_700_000_001_000)
        let errors = try #require(filters[0].metricTransformations.first)
        #expect(errors.metricName == "ErrorCount")
        #expect(errors.metricNamespace == "DataProcessor")
        #expect(errors.metricValue == "1")
        #expect(errors.defaultValue == 0)
        #expect(errors.unit == "Count")
        #expect(filters[1].metricTransformations.first?.defaultValue == nil)
    }

    @Test("DescribeSubscriptionFilters: destination, role and distribution")
    func subscriptionFilters() async throws {
        let (logs, _) = try Self.logs("describe-subscription-filters.json")
        let filter = try #require(try await logs.subscriptionFilters(logGroupName: Self.group).first)
        #expect(filter.filterName == "to-firehose")
        #expect(filter.logGroupName == Self.group)
        #expect(filter.filterPattern == "")
        #expect(filter.destinationArn == "arn:aws:firehose:us-east-1:123456789012:deliverystream/logs-to-s3-pr123")
        #expect(filter.roleArn == "arn:aws:iam::123456789012:role/cwl-to-firehose-pr123")
        #expect(filter.distribution == "ByLogStream")
        #expect(filter.creationTime == 1_700_000_003_000)
    }

    @Test("ListTagsForResource: the ARN DescribeLogGroups gives is sent without its :*", arguments: [
        "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123:*",
        "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123",
    ])
    func tags(arn: String) async throws {
        let (logs, aws) = try Self.logs("list-tags-for-resource.json")
        #expect(try await logs.tags(resourceARN: arn) == ["Environment": "pr123", "Name": Self.group])
        #expect(aws.target(0) == "Logs_20140328.ListTagsForResource")
        #expect(try aws.jsonBody(0)["resourceArn"] as? String == "arn:aws:logs:us-east-1:123456789012:log-group:/app/data-processor-pr123")
    }
}
