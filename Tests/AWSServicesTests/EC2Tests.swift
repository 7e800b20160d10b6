import AWSClient
import AWSServices
import Foundation
import Testing

/// EC2 and VPC reads decoded from answers recorded in real AWS shapes.
struct EC2RecordedTests {
    @Test("DescribeVpcs walks every page, sending each nextToken back")
    func describeVpcsPaginates() async throws {
        let (client, aws) = RecordedAWS.client([
            try RecordedAWS.answer(file: "ec2/describe-vpcs-page-1.xml"),
            try RecordedAWS.answer(file: "ec2/describe-vpcs-page-2.xml"),
        ])
        let vpcs = try await EC2(client: client).vpcs()
        #expect(vpcs.map(\.id) == ["vpc-0a1b2c3d4e5f60001", "vpc-0a1b2c3d4e5f60002"])
        #expect(vpcs[0].tags["Name"] == "banking-vpc-pr123")
        #expect(vpcs[1].isDefault)
        #expect(aws.formParameters(0)["NextToken"] == nil)
        #expect(aws.formParameters(1)["NextToken"] == "eyJ2IjoiMiIsImMiOiJ2cGMtMDAwMSJ9EXAMPLE")
    }
}
