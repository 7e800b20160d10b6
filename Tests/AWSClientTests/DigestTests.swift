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
