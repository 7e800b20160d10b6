import Foundation

/// The code, message and request id of an error response, read from whichever shape it came in: JSON 1.1
/// (`__type`), EC2 (`Response/Errors/Error`), query (`ErrorResponse/Error`), S3 (`Error`), or headers alone
/// (HEAD answers have no body).
struct ErrorAnswer: Equatable {
    var code: String?
    var message: String
    var requestID: String?

    static func parse(_ response: HTTPResponse) -> ErrorAnswer {
        let headerRequestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        var answer = ErrorAnswer(code: nil, message: "", requestID: headerRequestID)
        let body = response.body
        let firstByte = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "{"), let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            let type = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String)
            answer.code = type.map(Self.shapeName)
            answer.message = (object["message"] as? String) ?? (object["Message"] as? String) ?? ""
        } else if firstByte == UInt8(ascii: "<"), let root = try? XML.parse(body) {
            let error = root.element(at: "Errors/Error") ?? root.child("Error") ?? (root.name == "Error" ? root : nil)
            answer.code = error?.text(at: "Code")
            answer.message = error?.text(at: "Message") ?? ""
            answer.requestID = root.text(at: "RequestID") ?? root.text(at: "RequestId") ?? error?.text(at: "RequestId") ?? answer.requestID
        } else if !body.isEmpty {
            answer.message = "unrecognised error body: " + String(String(decoding: body.prefix(200), as: UTF8.self))
        }
        if answer.code == nil, let type = response.headers["x-amzn-ErrorType"] {
            answer.code = shapeName(String(type.split(separator: ":").first ?? Substring(type)))
        }
        if answer.code == nil, body.isEmpty {
            // HEAD answers carry no body; S3 documents these codes for them.
            switch response.status {
            case 301: answer.code = "PermanentRedirect"
            case 400: answer.code = "BadRequest"
            case 403: answer.code = "Forbidden"
            case 404: answer.code = "NotFound"
            default: break
            }
        }
        return answer
    }

    /// `com.amazonaws.kms#NotFoundException` → `NotFoundException`.
    private static func shapeName(_ type: String) -> String {
        String(type.split(separator: "#").last ?? Substring(type))
    }
}
