import AWSServices
import Foundation
import Testing

/// The IAM policy model: parsing every shape IAM accepts, and what a policy allows, denies and grants.
struct PolicyDocumentTests {
    static let bucket = "arn:aws:s3:::transaction-logs-pr123"
    static let objects = "arn:aws:s3:::transaction-logs-pr123/*"

    /// A policy of one or more statements, each written as IAM JSON.
    static func policy(_ statements: String...) throws -> PolicyDocument {
        try PolicyDocument(json: #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#, resource: "test policy")
    }

    // MARK: Parsing

    @Test("a single statement object reads as a list of one, with every element as string or list")
    func singleStatementObject() throws {
        let document = try PolicyDocument(json: #"""
            {"Version":"2012-10-17","Id":"key-default-1","Statement":{"Sid":"Root","Effect":"Allow",
             "Principal":{"AWS":"123456789012"},"Action":"kms:*","Resource":"*"}}
            """#, resource: "key policy of k")
        #expect(document.version == "2012-10-17")
        #expect(document.id == "key-default-1")
        let statement = try #require(document.statements.first)
        #expect(document.statements.count == 1)
        #expect(statement.sid == "Root")
        #expect(statement.effect == .allow)
        #expect(statement.principal == .init(aws: ["123456789012"]))
        #expect(statement.actions == ["kms:*"])
        #expect(statement.resources == ["*"])
        #expect(statement.notActions == nil && statement.notResources == nil && statement.notPrincipal == nil)
        #expect(statement.conditions.isEmpty)
    }

    @Test("every principal shape: *, AWS string and list, Service, Federated, CanonicalUser")
    func principalShapes() throws {
        let document = try Self.policy(
            #"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}"#,
            #"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject"}"#,
            #"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","444455556666"],"Service":"logs.amazonaws.com"},"Action":"s3:GetObject"}"#,
            #"{"Effect":"Allow","Principal":{"Service":["delivery.logs.amazonaws.com","s3.amazonaws.com"]},"Action":"s3:PutObject"}"#,
            #"{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"s3:GetObject"}"#,
            #"{"Effect":"Allow","Principal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"s3:GetObject"}"#,
            #"{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/admin"},"Action":"s3:DeleteBucket"}"#
        )
        let principals = document.statements.map(\.principal)
        #expect(principals[0] == .everyone)
        #expect(principals[1] == .init(aws: ["*"]))
        #expect(principals[2] == .init(aws: ["arn:aws:iam::111122223333:root", "444455556666"], service: ["logs.amazonaws.com"]))
        #expect(principals[3] == .init(service: ["delivery.logs.amazonaws.com", "s3.amazonaws.com"]))
        #expect(principals[4] == .init(federated: ["cognito-identity.amazonaws.com"]))
        #expect(principals[5] == .init(canonicalUser: ["79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"]))
        #expect(document.statements[6].principal == nil)
        #expect(document.statements[6].notPrincipal == .init(aws: ["arn:aws:iam::111122223333:role/admin"]))
    }

    @Test("condition values as string, JSON boolean, number and list; operators with IfExists and set prefixes")
    func conditionShapes() throws {
        let document = try Self.policy(#"""
            {"Effect":"Deny","Principal":"*","Action":"s3:*","NotResource":"arn:aws:s3:::other/*","Condition":{
              "Bool":{"aws:SecureTransport":false},
              "NumericLessThan":{"s3:TlsVersion":1.2},
              "StringNotEqualsIfExists":{"aws:SourceVpce":["vpce-1a2b3c4d","vpce-5e6f7a8b"]},
              "ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-abc/r-def/*"},
              "NumericEquals":{"s3:max-keys":10}}}
            """#)
        let statement = try #require(document.statements.first)
        #expect(statement.notResources == ["arn:aws:s3:::other/*"])
        #expect(statement.conditions == [
            .init(operatorName: "Bool", key: "aws:SecureTransport", values: ["false"]),
            .init(operatorName: "ForAnyValue:StringLike", key: "aws:PrincipalOrgPaths", values: ["o-abc/r-def/*"]),
            .init(operatorName: "NumericEquals", key: "s3:max-keys", values: ["10"]),
            .init(operatorName: "NumericLessThan", key: "s3:TlsVersion", values: ["1.2"]),
            .init(operatorName: "StringNotEqualsIfExists", key: "aws:SourceVpce", values: ["vpce-1a2b3c4d", "vpce-5e6f7a8b"]),
        ])
    }

    @Test("a document encodes back to IAM JSON that reads as the same document")
    func roundTrip() throws {
        let document = try Self.policy(
            #"{"Sid":"A","Effect":"Allow","Principal":{"AWS":["111122223333"],"Service":"logs.amazonaws.com"},"Action":["s3:Get*"],"Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:logs:*"}}}"#,
            #"{"Effect":"Deny","NotPrincipal":"*","NotAction":"iam:*","NotResource":["arn:aws:s3:::x"]}"#
        )
        let encoded = try JSONEncoder().encode(document)
        #expect(try PolicyDocument(json: encoded, resource: "re-read") == document)
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var json: String
        var reason: String
    }

    @Test("a malformed policy is a ParseError naming the resource and the fault", arguments: [
        Malformed(testDescription: "truncated JSON", json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow""#, reason: "not valid JSON"),
        Malformed(testDescription: "not JSON at all", json: "<Policy/>", reason: "not valid JSON"),
        Malformed(testDescription: "no Statement", json: #"{"Version":"2012-10-17"}"#, reason: "Statement is missing"),
        Malformed(testDescription: "no Effect", json: #"{"Statement":[{"Action":"s3:*"}]}"#, reason: "Effect is missing"),
        Malformed(testDescription: "Effect neither Allow nor Deny", json: #"{"Statement":[{"Effect":"Permit","Action":"s3:*"}]}"#, reason: "Effect"),
        Malformed(testDescription: "neither Action nor NotAction", json: #"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#, reason: "Action or NotAction"),
        Malformed(testDescription: "a principal string other than *", json: #"{"Statement":[{"Effect":"Allow","Principal":"111122223333","Action":"s3:*"}]}"#, reason: "must be \"*\""),
        Malformed(testDescription: "an object where a value belongs", json: #"{"Statement":[{"Effect":"Allow","Action":{"s3":"*"}}]}"#, reason: "Action"),
    ])
    func malformed(_ example: Malformed) {
        let error = #expect(throws: PolicyDocument.ParseError.self) {
            try PolicyDocument(json: example.json, resource: "bucket policy of data-pr123")
        }
        #expect(error?.resource == "bucket policy of data-pr123")
        #expect(error?.description.contains("bucket policy of data-pr123") == true)
        #expect(error?.reason.contains(example.reason) == true, "\(error?.reason ?? "")")
    }

    // MARK: allows

    struct Access: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var statements: [String]
        var action: String
        var principal: String
        var resource: String?
        var context: [String: String] = [:]
        var allowed: Bool
    }

    static let readStatement = #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"]}"#

    @Test("allows: principal, action, resource and conditions decide; an explicit Deny wins", arguments: [
        Access(testDescription: "the account root ARN grants the account id", statements: [readStatement], action: "s3:GetObject", principal: "111122223333", resource: objects, allowed: true),
        Access(testDescription: "the account grants a role of that account", statements: [readStatement], action: "s3:GetObject", principal: "arn:aws:sts::111122223333:assumed-role/reader/session", resource: objects, allowed: true),
        Access(testDescription: "the account id grants the root ARN", statements: [#"{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject"}"#], action: "s3:GetObject", principal: "arn:aws:iam::111122223333:root", allowed: true),
        Access(testDescription: "another account is not granted", statements: [readStatement], action: "s3:GetObject", principal: "arn:aws:iam::999988887777:root", resource: objects, allowed: false),
        Access(testDescription: "a named role does not grant another role of the account", statements: [#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},"Action":"s3:GetObject"}"#], action: "s3:GetObject", principal: "arn:aws:iam::111122223333:role/writer", allowed: false),
        Access(testDescription: "actions match without regard to case", statements: [readStatement], action: "S3:getobject", principal: "111122223333", resource: objects, allowed: true),
        Access(testDescription: "an action not listed is not allowed", statements: [readStatement], action: "s3:PutObject", principal: "111122223333", resource: objects, allowed: false),
        Access(testDescription: "a resource not listed is not allowed", statements: [readStatement], action: "s3:GetObject", principal: "111122223333", resource: "arn:aws:s3:::other-bucket/key", allowed: false),
        Access(testDescription: "resources match case-sensitively", statements: [readStatement], action: "s3:GetObject", principal: "111122223333", resource: "arn:aws:s3:::Transaction-Logs-PR123/key", allowed: false),
        Access(testDescription: "* in an action matches any run", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:Get*","Resource":"*"}"#], action: "s3:GetObjectVersion", principal: "*", resource: objects, allowed: true),
        Access(testDescription: "? in an action matches exactly one character", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObjec?"}"#], action: "s3:GetObjects", principal: "*", allowed: false),
        Access(testDescription: "principal * takes in anonymous callers", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}"#], action: "s3:GetObject", principal: "*", allowed: true),
        Access(testDescription: "an account principal does not take in anonymous callers", statements: [readStatement], action: "s3:GetObject", principal: "*", resource: objects, allowed: false),
        Access(testDescription: "NotAction allows everything else", statements: [#"{"Effect":"Allow","Principal":"*","NotAction":["s3:Delete*","s3:Put*"]}"#], action: "s3:GetObject", principal: "*", allowed: true),
        Access(testDescription: "NotAction leaves out what it names", statements: [#"{"Effect":"Allow","Principal":"*","NotAction":["s3:Delete*","s3:Put*"]}"#], action: "s3:DeleteObject", principal: "*", allowed: false),
        Access(testDescription: "NotResource allows every other resource", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}"#], action: "s3:GetObject", principal: "*", resource: objects, allowed: true),
        Access(testDescription: "NotPrincipal applies to everyone else", statements: [#"{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject"}"#], action: "s3:GetObject", principal: "444455556666", allowed: true),
        Access(testDescription: "NotPrincipal leaves out the account it names", statements: [#"{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject"}"#], action: "s3:GetObject", principal: "arn:aws:iam::111122223333:user/alice", allowed: false),
        Access(testDescription: "an explicit Deny wins over an Allow", statements: [readStatement, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#], action: "s3:GetObject", principal: "111122223333", resource: objects, allowed: false),
        Access(testDescription: "a Deny on another action leaves the Allow", statements: [readStatement, #"{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}"#], action: "s3:GetObject", principal: "111122223333", resource: objects, allowed: true),
        Access(testDescription: "no statement applies: not allowed", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject"}"#], action: "s3:GetObject", principal: "*", allowed: false),
        Access(testDescription: "the TLS deny blocks plain HTTP", statements: [readStatement, tlsDeny], action: "s3:GetObject", principal: "111122223333", resource: objects, context: ["aws:SecureTransport": "false"], allowed: false),
        Access(testDescription: "the TLS deny lets TLS through", statements: [readStatement, tlsDeny], action: "s3:GetObject", principal: "111122223333", resource: objects, context: ["aws:SecureTransport": "true"], allowed: true),
        Access(testDescription: "context keys match without regard to case", statements: [readStatement, tlsDeny], action: "s3:GetObject", principal: "111122223333", resource: objects, context: ["AWS:securetransport": "FALSE"], allowed: false),
        Access(testDescription: "a Deny whose condition key is absent does not apply", statements: [readStatement, tlsDeny], action: "s3:GetObject", principal: "111122223333", resource: objects, allowed: true),
        Access(testDescription: "StringEquals needs the key", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#], action: "s3:GetObject", principal: "*", allowed: false),
        Access(testDescription: "StringEquals matches any listed value", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEquals":{"aws:SourceVpce":["vpce-0","vpce-1a2b3c4d"]}}}"#], action: "s3:GetObject", principal: "*", context: ["aws:SourceVpce": "vpce-1a2b3c4d"], allowed: true),
        Access(testDescription: "StringNotEquals holds when the key is absent", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#, #"{"Effect":"Allow","Principal":"*","Action":"s3:*"}"#], action: "s3:GetObject", principal: "*", allowed: false),
        Access(testDescription: "StringNotEquals fails for a listed value", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#, #"{"Effect":"Allow","Principal":"*","Action":"s3:*"}"#], action: "s3:GetObject", principal: "*", context: ["aws:SourceVpce": "vpce-1a2b3c4d"], allowed: true),
        Access(testDescription: "StringLike takes wildcards", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Condition":{"StringLike":{"s3:prefix":["home/*"]}}}"#], action: "s3:ListBucket", principal: "*", context: ["s3:prefix": "home/alice/"], allowed: true),
        Access(testDescription: "StringNotLike fails on a match", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Condition":{"StringNotLike":{"s3:prefix":"home/*"}}}"#], action: "s3:ListBucket", principal: "*", context: ["s3:prefix": "home/alice/"], allowed: false),
        Access(testDescription: "ArnLike matches part by part", statements: [#"{"Effect":"Allow","Principal":{"Service":"logs.amazonaws.com"},"Action":"kms:Encrypt","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:us-east-1:111122223333:*"}}}"#], action: "kms:Encrypt", principal: "logs.amazonaws.com", context: ["kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:/app"], allowed: true),
        Access(testDescription: "ArnLike fails for another account", statements: [#"{"Effect":"Allow","Principal":{"Service":"logs.amazonaws.com"},"Action":"kms:Encrypt","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:us-east-1:111122223333:*"}}}"#], action: "kms:Encrypt", principal: "logs.amazonaws.com", context: ["kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:999988887777:log-group:/app"], allowed: false),
        Access(testDescription: "ArnEquals compares whole ARNs", statements: [#"{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:topic"}}}"#], action: "sqs:SendMessage", principal: "*", context: ["aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic"], allowed: true),
        Access(testDescription: "ArnNotLike denies outside the pattern", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:*"}"#, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}}"#], action: "s3:GetObject", principal: "*", context: ["aws:PrincipalArn": "arn:aws:iam::999988887777:role/x"], allowed: false),
        Access(testDescription: "NumericLessThan compares numbers", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:*"}"#, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"NumericLessThan":{"s3:TlsVersion":1.2}}}"#], action: "s3:GetObject", principal: "*", context: ["s3:TlsVersion": "1.0"], allowed: false),
        Access(testDescription: "NumericLessThan lets TLS 1.3 through", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:*"}"#, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"}}}"#], action: "s3:GetObject", principal: "*", context: ["s3:TlsVersion": "1.3"], allowed: true),
        Access(testDescription: "...IfExists holds when the key is absent", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#], action: "s3:GetObject", principal: "*", allowed: true),
        Access(testDescription: "...IfExists tests the key when present", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#], action: "s3:GetObject", principal: "*", context: ["aws:SourceVpce": "vpce-other"], allowed: false),
        Access(testDescription: "an operator StackVerify does not know never holds", statements: [#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"#], action: "s3:GetObject", principal: "*", context: ["aws:SourceIp": "10.1.2.3"], allowed: false),
        Access(testDescription: "a statement without a principal (identity policy) applies to its holder", statements: [#"{"Effect":"Allow","Action":"logs:DescribeLogGroups","Resource":"*"}"#], action: "logs:DescribeLogGroups", principal: "arn:aws:iam::111122223333:user/reader", resource: "arn:aws:logs:us-east-1:111122223333:log-group:x", allowed: true),
    ])
    func allows(_ example: Access) throws {
        let document = try PolicyDocument(json: #"{"Statement":[\#(example.statements.joined(separator: ","))]}"#, resource: "test policy")
        #expect(document.allows(action: example.action, principal: example.principal, resource: example.resource, context: example.context) == example.allowed)
    }

    // MARK: deniesInsecureTransport

    static let tlsDeny = #"{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#

    struct TransportCase: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var statements: [String]
        var denies: Bool
    }

    @Test("the TLS-deny statement counts in its common variants", arguments: [
        TransportCase(testDescription: "Bool with the string false, on s3:*", statements: [tlsDeny], denies: true),
        TransportCase(testDescription: "Bool with JSON false", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"Bool":{"aws:SecureTransport":false}}}"#], denies: true),
        TransportCase(testDescription: "Bool with a list, and Action *", statements: [#"{"Effect":"Deny","Principal":"*","Action":"*","Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"Bool":{"aws:SecureTransport":["false"]}}}"#], denies: true),
        TransportCase(testDescription: "BoolIfExists, principal {AWS: *}", statements: [#"{"Effect":"Deny","Principal":{"AWS":"*"},"Action":["s3:*"],"Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}"#], denies: true),
        TransportCase(testDescription: "the bucket and its objects in two statements", statements: [
            #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::transaction-logs-pr123","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#,
            #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::transaction-logs-pr123/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#,
        ], denies: true),
        TransportCase(testDescription: "a wildcard resource covering bucket and objects", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::transaction-logs-pr123*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#], denies: true),
        TransportCase(testDescription: "NotAction naming another service", statements: [#"{"Effect":"Deny","Principal":"*","NotAction":"iam:*","Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#], denies: true),
        TransportCase(testDescription: "key names written in another case", statements: [#"{"Effect":"Deny","Principal":"*","Action":"S3:*","Resource":["arn:aws:s3:::transaction-logs-pr123","arn:aws:s3:::transaction-logs-pr123/*"],"Condition":{"Bool":{"AWS:SecureTransport":"False"}}}"#], denies: true),
    ])
    func tlsDenyCounts(_ example: TransportCase) throws {
        let document = try PolicyDocument(json: #"{"Statement":[\#(example.statements.joined(separator: ","))]}"#, resource: "test policy")
        #expect(document.deniesInsecureTransport(for: [Self.bucket, Self.objects]) == example.denies)
    }

    @Test("near-misses of the TLS-deny statement do not count", arguments: [
        TransportCase(testDescription: "Allow instead of Deny", statements: [tlsDeny.replacingOccurrences(of: #""Deny""#, with: #""Allow""#)], denies: false),
        TransportCase(testDescription: "condition true", statements: [tlsDeny.replacingOccurrences(of: #""false""#, with: #""true""#)], denies: false),
        TransportCase(testDescription: "principal limited to one account", statements: [tlsDeny.replacingOccurrences(of: #""Principal":"*""#, with: #""Principal":{"AWS":"arn:aws:iam::111122223333:root"}"#)], denies: false),
        TransportCase(testDescription: "a single action instead of all", statements: [tlsDeny.replacingOccurrences(of: #""s3:*""#, with: #""s3:GetObject""#)], denies: false),
        TransportCase(testDescription: "only some actions", statements: [tlsDeny.replacingOccurrences(of: #""s3:*""#, with: #"["s3:Get*","s3:Put*"]"#)], denies: false),
        TransportCase(testDescription: "NotAction taking out an S3 action", statements: [tlsDeny.replacingOccurrences(of: #""Action":"s3:*""#, with: #""NotAction":"s3:GetObject""#)], denies: false),
        TransportCase(testDescription: "the bucket only, not its objects", statements: [tlsDeny.replacingOccurrences(of: #","arn:aws:s3:::transaction-logs-pr123/*""#, with: "")], denies: false),
        TransportCase(testDescription: "another bucket", statements: [tlsDeny.replacingOccurrences(of: "transaction-logs-pr123", with: "transaction-logs-pr999")], denies: false),
        TransportCase(testDescription: "no condition at all", statements: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#], denies: false),
        TransportCase(testDescription: "an extra condition on another key narrows it", statements: [tlsDeny.replacingOccurrences(of: #""Condition":{"Bool":{"aws:SecureTransport":"false"}}"#, with: #""Condition":{"Bool":{"aws:SecureTransport":"false"},"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}"#)], denies: false),
        TransportCase(testDescription: "a TLS version floor is another control", statements: [tlsDeny.replacingOccurrences(of: #""Bool":{"aws:SecureTransport":"false"}"#, with: #""NumericLessThan":{"s3:TlsVersion":"1.2"}"#)], denies: false),
        TransportCase(testDescription: "NotPrincipal exempting someone", statements: [tlsDeny.replacingOccurrences(of: #""Principal":"*""#, with: #""NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"}"#)], denies: false),
        TransportCase(testDescription: "no statements", statements: [], denies: false),
    ])
    func tlsDenyNearMisses(_ example: TransportCase) throws {
        let document = try PolicyDocument(json: #"{"Statement":[\#(example.statements.joined(separator: ","))]}"#, resource: "test policy")
        #expect(document.deniesInsecureTransport(for: [Self.bucket, Self.objects]) == example.denies)
    }

    @Test("no resources to protect means nothing is proven")
    func noResources() throws {
        #expect(try Self.policy(Self.tlsDeny).deniesInsecureTransport(for: []) == false)
    }

    // MARK: grantsService

    static let logsStatement = #"{"Sid":"AllowCloudWatchLogs","Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"Action":["kms:Encrypt*","kms:Decrypt*","kms:ReEncrypt*","kms:GenerateDataKey*","kms:Describe*"],"Resource":"*","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:us-east-1:111122223333:*"}}}"#
    static let logsActions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]

    struct ServiceGrant: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var statements: [String]
        var service = "logs.us-east-1.amazonaws.com"
        var actions: [String] = logsActions
        var granted: Bool
    }

    @Test("grantsService: wildcards on both sides, conditions tolerated, unconditional Deny withdraws", arguments: [
        ServiceGrant(testDescription: "the key policy CloudWatch Logs needs", statements: [logsStatement], granted: true),
        ServiceGrant(testDescription: "service names match without regard to case", statements: [logsStatement], service: "LOGS.us-east-1.amazonaws.com", granted: true),
        ServiceGrant(testDescription: "a concrete action under a granted wildcard", statements: [logsStatement], actions: ["kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"], granted: true),
        ServiceGrant(testDescription: "kms:* grants every wildcard", statements: [#"{"Effect":"Allow","Principal":{"Service":["logs.us-east-1.amazonaws.com"]},"Action":"kms:*","Resource":"*"}"#], granted: true),
        ServiceGrant(testDescription: "principal * grants the service too", statements: [#"{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}"#], granted: true),
        ServiceGrant(testDescription: "a concrete grant does not cover a wildcard asked for", statements: [#"{"Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:GenerateDataKey","kms:DescribeKey"],"Resource":"*"}"#], granted: false),
        ServiceGrant(testDescription: "one action missing", statements: [logsStatement.replacingOccurrences(of: #","kms:GenerateDataKey*""#, with: "")], granted: false),
        ServiceGrant(testDescription: "another region's service principal", statements: [logsStatement], service: "logs.eu-west-1.amazonaws.com", granted: false),
        ServiceGrant(testDescription: "only the account root", statements: [#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}"#], granted: false),
        ServiceGrant(testDescription: "a Deny instead of an Allow", statements: [logsStatement.replacingOccurrences(of: #""Allow""#, with: #""Deny""#)], granted: false),
        ServiceGrant(testDescription: "an unconditional Deny of one action withdraws the grant", statements: [logsStatement, #"{"Effect":"Deny","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"Action":"kms:Decrypt","Resource":"*"}"#], granted: false),
        ServiceGrant(testDescription: "a conditional Deny leaves the grant", statements: [logsStatement, #"{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}}"#], granted: true),
        ServiceGrant(testDescription: "a Deny of an unrelated action leaves the grant", statements: [logsStatement, #"{"Effect":"Deny","Principal":"*","Action":"kms:ScheduleKeyDeletion","Resource":"*"}"#], granted: true),
        ServiceGrant(testDescription: "NotAction granting all but deletion", statements: [#"{"Effect":"Allow","Principal":{"Service":"logs.us-east-1.amazonaws.com"},"NotAction":["kms:ScheduleKeyDeletion","kms:Delete*"],"Resource":"*"}"#], granted: true),
    ])
    func grantsService(_ example: ServiceGrant) throws {
        let document = try PolicyDocument(json: #"{"Statement":[\#(example.statements.joined(separator: ","))]}"#, resource: "key policy of test")
        #expect(document.grantsService(example.service, actions: example.actions) == example.granted)
    }
}
