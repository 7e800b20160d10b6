import Foundation
import Testing

/// `stack-verify sign`, run as a user runs it.
struct SignCommandTests {
    static let suite = StackVerifyBinary.repositoryRoot.appendingPathComponent("Tests/AWSClientTests/Fixtures/sigv4-suite")
    static let keys = ["--access-key", "AKIDEXAMPLE", "--secret-key", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"]

    static func suiteFile(_ name: String, _ ext: String) -> URL {
        suite.appendingPathComponent("\(name)/\(name).\(ext)")
    }

    @Test("--authorization-only prints the suite's Authorization value", arguments: ["get-vanilla", "post-x-www-form-urlencoded", "get-header-value-multiline", "get-vanilla-query-order-key-case"])
    func authorizationOnly(name: String) async throws {
        let run = try await StackVerifyBinary.run(
            ["sign", "--request", Self.suiteFile(name, "req").path, "--service", "service", "--region", "us-east-1", "--authorization-only"] + Self.keys,
            environment: [:]
        )
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOf: Self.suiteFile(name, "authz"), encoding: .utf8)) + "\n")
    }

    @Test("the full output shows canonical request, string to sign and Authorization under headings, reading stdin")
    func fullOutputFromStdin() async throws {
        let run = try await StackVerifyBinary.run(
            ["sign", "--service", "service", "--region", "us-east-1", "--date", "20150830T123600Z"] + Self.keys,
            environment: [:], input: Data("GET / HTTP/1.1\nHost:example.amazonaws.com\n\n".utf8)
        )
        #expect(run.status == 0, "\(run.stderr)")
        let creq = try String(contentsOf: Self.suiteFile("get-vanilla", "creq"), encoding: .utf8)
        let sts = try String(contentsOf: Self.suiteFile("get-vanilla", "sts"), encoding: .utf8)
        let authz = try String(contentsOf: Self.suiteFile("get-vanilla", "authz"), encoding: .utf8)
        #expect(run.stdout == "# Canonical request\n\(creq)\n\n# String to sign\n\(sts)\n\n# Authorization\n\(authz)\n")
    }

    @Test("--session-token adds a signed X-Amz-Security-Token, as the suite expects")
    func sessionToken() async throws {
        let name = "get-vanilla-with-session-token"
        let run = try await StackVerifyBinary.run(
            ["sign", "--request", Self.suiteFile(name, "req").path, "--service", "service", "--region", "us-east-1", "--authorization-only",
             "--session-token", "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"] + Self.keys,
            environment: [:]
        )
        #expect(run.stdout == (try String(contentsOf: Self.suiteFile(name, "authz"), encoding: .utf8)) + "\n")
    }

    @Test("bad input exits 2 with one line naming the culprit", arguments: [
        (["--request", "/no/such/request.txt"], "/no/such/request.txt"),
        (["--date", "2015-08-30"], "--date 2015-08-30"),
        (["--request", "/dev/null"], "line 1"),
    ])
    func badInput(extra: [String], culprit: String) async throws {
        let run = try await StackVerifyBinary.run(["sign", "--service", "ec2", "--region", "us-east-1"] + Self.keys + extra, environment: [:])
        #expect(run.status == 2)
        let firstLine = try #require(run.stderr.split(separator: "\n").first)
        #expect(firstLine.contains(culprit), "\(run.stderr)")
        #expect(!run.allOutput.contains("wJalrXUtnFEMI"))
    }

    @Test("a request that is not HTTP exits 2 naming the line")
    func malformedRequest() async throws {
        let run = try await StackVerifyBinary.run(
            ["sign", "--service", "ec2", "--region", "us-east-1"] + Self.keys,
            environment: [:], input: Data("GET / HTTP/1.1\nHost:example.amazonaws.com\nthis is not a header\n".utf8)
        )
        #expect(run.status == 2)
        #expect(run.stderr.contains("standard input: line 3"))
    }

    @Test("an unknown flag exits 2 with usage")
    func unknownFlag() async throws {
        let run = try await StackVerifyBinary.run(["sign", "--no-such-flag"], environment: [:])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Usage"))
    }
}
