import COpenSSL
import Foundation

/// SHA-256 and HMAC-SHA256 through OpenSSL's EVP interface, the only cryptography SigV4 needs.
enum Digest {
    /// The SHA-256 digest of `bytes`.
    static func sha256<Bytes: ContiguousBytes>(_ bytes: Bytes) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        precondition(succeeded == 1, "OpenSSL EVP_Digest(SHA-256) failed: the libcrypto install is broken")
        return Array(digest.prefix(Int(length)))
    }

    /// The HMAC-SHA256 of `message` under `key`.
    static func hmacSHA256<Key: ContiguousBytes, Message: ContiguousBytes>(key: Key, _ message: Message) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                mac.withUnsafeMutableBufferPointer { output in
                    EVP_Q_mac(
                        nil, "HMAC", nil, "SHA256", nil,
                        keyBytes.baseAddress, keyBytes.count,
                        messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                        output.baseAddress, output.count, &length
                    )
                }
            }
        }
        precondition(result != nil, "OpenSSL EVP_Q_mac(HMAC-SHA256) failed: the libcrypto install is broken")
        return Array(mac.prefix(length))
    }

    /// Lower-case hexadecimal, as SigV4 writes digests and signatures.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
