import Foundation
import Testing
@testable import AWSClient

/// The official AWS SigV4 test suite, copied unchanged into `Fixtures/sigv4-suite`.
struct SigV4SuiteTests {
    static let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160) // 20150830T123600Z

    /// Every case folder of the suite: a folder holding `<name>.req`.
    static let cases: [String] = {
        let root = Fixture.url("sigv4-suite")
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "req" {
                found.append(url.deletingLastPathComponent().path.replacingOccurrences(of: root.path + "/", with: ""))
            }
        }
        return found.sorted()
    }()

    /// The session token `get-vanilla-with-session-token` expects the signer to add.
    static let sessionTokens = ["get-vanilla-with-session-token": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"]

    @Test("the suite has every case it ships with")
    func suiteIsComplete() {
        #expect(Self.cases.count >= 30)
    }

    @Test("canonical request, string to sign and Authorization match the suite", arguments: cases)
    func matchesSuite(casePath: String) throws {
        let name = URL(fileURLWithPath: casePath).lastPathComponent
        let file = { (ext: String) in "sigv4-suite/\(casePath)/\(name).\(ext)" }
        let request = try RawHTTPRequest.parse(try Fixture.data(file("req")))
        var credentials = Self.credentials
        credentials.sessionToken = Self.sessionTokens[name]
        let signer = SigV4Signer(region: "us-east-1", service: "service")
        let signature = signer.sign(request, credentials: credentials, date: Self.suiteDate)

        #expect(signature.canonicalRequest == (try Fixture.text(file("creq"))))
        #expect(signature.stringToSign == (try Fixture.text(file("sts"))))
        #expect(signature.authorization == (try Fixture.text(file("authz"))))
    }
}
