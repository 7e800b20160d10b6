import Testing
@testable import AWSClient

@Test("SHA-256 of the empty payload is the value SigV4 uses for empty bodies")
func emptyPayloadHash() {
    #expect(Digest.hex(Digest.sha256([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}

@Test("HMAC-SHA256 matches RFC 4231 test case 2")
func hmacRFC4231() {
    let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
    #expect(Digest.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
}

@Test("signing keys are derived once per day, region and service, and again for a new secret")
func signingKeyCache() {
    let cache = SigningKeyCache()
    let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let key = cache.key(credentials: credentials, day: "20150830", region: "us-east-1", service: "iam")
    // The derived key AWS documents for these inputs.
    #expect(Digest.hex(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    #expect(cache.key(credentials: credentials, day: "20150830", region: "us-east-1", service: "iam") == key)
    #expect(cache.key(credentials: credentials, day: "20150831", region: "us-east-1", service: "iam") != key)
    var rotated = credentials
    rotated.secretAccessKey = "ROTATEDSECRETEXAMPLEKEY"
    #expect(cache.key(credentials: rotated, day: "20150830", region: "us-east-1", service: "iam") != key)
}
