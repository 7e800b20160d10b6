import Foundation

/// Refuses every request that could change anything, by reading the request about to be sent (not the
/// name a caller gave it): S3 must be GET or HEAD; query and JSON calls must name a Describe*, Get* or
/// List* action; STS may only be asked who the caller is.
enum ReadOnlyGuard {
    static let readPrefixes = ["Describe", "Get", "List", "Head"]

    static func check(_ request: OperationRequest) throws(ReadOnlyViolation) {
        let action: String
        switch request.service {
        case .s3:
            guard request.method == "GET" || request.method == "HEAD" else {
                throw ReadOnlyViolation(service: .s3, operation: "\(request.operation) (HTTP \(request.method))")
            }
            return
        case .ec2, .sts:
            let form = String(decoding: request.body, as: UTF8.self)
            let actions = form.split(separator: "&").filter { $0.hasPrefix("Action=") }
            guard request.method == "POST", request.query.isEmpty, actions.count == 1 else {
                throw ReadOnlyViolation(service: request.service, operation: request.operation)
            }
            action = PercentEncoding.decode(actions[0].dropFirst("Action=".count))
        case .kms, .logs, .ecs:
            guard request.method == "POST", let target = request.headers["X-Amz-Target"], let dot = target.lastIndex(of: ".") else {
                throw ReadOnlyViolation(service: request.service, operation: request.operation)
            }
            action = String(target[target.index(after: dot)...])
        }
        let allowed = request.service == .sts
            ? action == "GetCallerIdentity"
            : readPrefixes.contains { action.hasPrefix($0) && action.dropFirst($0.count).first?.isUppercase == true }
        guard allowed, action == request.operation else {
            throw ReadOnlyViolation(service: request.service, operation: action)
        }
    }
}
