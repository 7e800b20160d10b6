import Foundation

/// An IAM policy document as bucket, key and endpoint policies are written: a version and statements, each
/// allowing or denying actions on resources to principals under conditions. Encodes back to IAM's JSON.
public struct PolicyDocument: Sendable, Equatable, Codable {
    /// The policy language version, normally `2012-10-17`.
    public var version: String?
    /// The optional `Id`.
    public var id: String?
    /// The statements, in the order written; a single statement object reads as a list of one.
    public var statements: [Statement]

    /// A document.
    public init(version: String? = "2012-10-17", id: String? = nil, statements: [Statement]) {
        self.version = version
        self.id = id
        self.statements = statements
    }

    /// Parses the JSON text of a policy; `resource` names whose policy it is, for the error.
    public init(json: String, resource: String) throws(ParseError) {
        try self.init(json: Data(json.utf8), resource: resource)
    }

    /// Parses the JSON bytes of a policy; `resource` names whose policy it is, for the error.
    public init(json: Data, resource: String) throws(ParseError) {
        do {
            self = try JSONDecoder().decode(PolicyDocument.self, from: json)
        } catch let error as DecodingError {
            throw ParseError(resource: resource, reason: Self.reason(error))
        } catch {
            throw ParseError(resource: resource, reason: "\(error)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case version = "Version", id = "Id", statements = "Statement"
    }

    /// Reads IAM's JSON: `Statement` may be one object or a list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        if let single = try? container.decode(Statement.self, forKey: .statements) {
            statements = [single]
        } else {
            statements = try container.decode([Statement].self, forKey: .statements)
        }
    }

    /// Writes IAM's JSON, `Statement` always as a list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(statements, forKey: .statements)
    }

    /// A policy that could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Whose policy it is, e.g. `bucket policy of my-bucket`.
        public var resource: String
        /// What is wrong with it.
        public var reason: String

        /// One line naming the policy and the fault.
        public var description: String {
            "The \(resource) is not a readable IAM policy: \(reason). Check it with `aws iam validate-policy` or IAM Access Analyzer."
        }
    }

    /// Whether a statement allows or denies.
    public enum Effect: String, Sendable, Equatable, Codable {
        /// `"Allow"`.
        case allow = "Allow"
        /// `"Deny"`.
        case deny = "Deny"
    }

    /// One statement. A statement names `Action` or `NotAction`; resource policies also name `Principal`
    /// or `NotPrincipal`; `nil` means the element is absent, which differs from an empty list.
    public struct Statement: Sendable, Equatable, Codable {
        /// The optional statement id.
        public var sid: String?
        /// Allow or deny.
        public var effect: Effect
        /// Who the statement is about (`Principal`).
        public var principal: Principal?
        /// Everyone but these (`NotPrincipal`).
        public var notPrincipal: Principal?
        /// Action patterns (`Action`), e.g. `s3:Get*`.
        public var actions: [String]?
        /// Every action but these patterns (`NotAction`).
        public var notActions: [String]?
        /// Resource ARN patterns (`Resource`).
        public var resources: [String]?
        /// Every resource but these patterns (`NotResource`).
        public var notResources: [String]?
        /// The conditions, all of which must hold for the statement to apply.
        public var conditions: [Condition]

        /// A statement.
        public init(
            sid: String? = nil, effect: Effect, principal: Principal? = nil, notPrincipal: Principal? = nil,
            actions: [String]? = nil, notActions: [String]? = nil, resources: [String]? = nil, notResources: [String]? = nil,
            conditions: [Condition] = []
        ) {
            self.sid = sid
            self.effect = effect
            self.principal = principal
            self.notPrincipal = notPrincipal
            self.actions = actions
            self.notActions = notActions
            self.resources = resources
            self.notResources = notResources
            self.conditions = conditions
        }

        enum CodingKeys: String, CodingKey {
            case sid = "Sid", effect = "Effect", principal = "Principal", notPrincipal = "NotPrincipal"
            case actions = "Action", notActions = "NotAction", resources = "Resource", notResources = "NotResource"
            case conditions = "Condition"
        }

        /// Reads a statement as IAM writes it: single values or lists, conditions as operator → key → values.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sid = try container.decodeIfPresent(String.self, forKey: .sid)
            effect = try container.decode(Effect.self, forKey: .effect)
            principal = try container.decodeIfPresent(Principal.self, forKey: .principal)
            notPrincipal = try container.decodeIfPresent(Principal.self, forKey: .notPrincipal)
            actions = try container.decodeIfPresent(PolicyValues.self, forKey: .actions)?.values
            notActions = try container.decodeIfPresent(PolicyValues.self, forKey: .notActions)?.values
            resources = try container.decodeIfPresent(PolicyValues.self, forKey: .resources)?.values
            notResources = try container.decodeIfPresent(PolicyValues.self, forKey: .notResources)?.values
            conditions = try container.decodeIfPresent([String: [String: PolicyValues]].self, forKey: .conditions).map(Condition.list) ?? []
            if actions == nil, notActions == nil {
                throw DecodingError.dataCorruptedError(forKey: .actions, in: container, debugDescription: "a statement needs Action or NotAction")
            }
        }

        /// Writes the statement in IAM's JSON form.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(sid, forKey: .sid)
            try container.encode(effect, forKey: .effect)
            try container.encodeIfPresent(principal, forKey: .principal)
            try container.encodeIfPresent(notPrincipal, forKey: .notPrincipal)
            try container.encodeIfPresent(actions, forKey: .actions)
            try container.encodeIfPresent(notActions, forKey: .notActions)
            try container.encodeIfPresent(resources, forKey: .resources)
            try container.encodeIfPresent(notResources, forKey: .notResources)
            if !conditions.isEmpty {
                var byOperator: [String: [String: [String]]] = [:]
                for condition in conditions {
                    byOperator[condition.operatorName, default: [:]][condition.key] = condition.values
                }
                try container.encode(byOperator, forKey: .conditions)
            }
        }
    }

    /// A `Principal` or `NotPrincipal`: everyone (`"*"`), or named principals by kind.
    public struct Principal: Sendable, Equatable, Codable {
        /// `"Principal": "*"`: everyone, signed or not.
        public var isEveryone: Bool
        /// `AWS`: account ids, account root ARNs, user and role ARNs, or `*`.
        public var aws: [String]
        /// `Service`: service principals such as `logs.us-east-1.amazonaws.com`.
        public var service: [String]
        /// `Federated`: identity providers.
        public var federated: [String]
        /// `CanonicalUser`: S3 canonical user ids.
        public var canonicalUser: [String]

        /// A principal.
        public init(isEveryone: Bool = false, aws: [String] = [], service: [String] = [], federated: [String] = [], canonicalUser: [String] = []) {
            self.isEveryone = isEveryone
            self.aws = aws
            self.service = service
            self.federated = federated
            self.canonicalUser = canonicalUser
        }

        /// `"*"`.
        public static let everyone = Principal(isEveryone: true)

        enum CodingKeys: String, CodingKey {
            case aws = "AWS", service = "Service", federated = "Federated", canonicalUser = "CanonicalUser"
        }

        /// Reads `"*"` or an object of kinds, each a string or a list.
        public init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer().decode(String.self) {
                guard single == "*" else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a principal string must be \"*\", not \"\(single)\""))
                }
                self = .everyone
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                aws: try container.decodeIfPresent(PolicyValues.self, forKey: .aws)?.values ?? [],
                service: try container.decodeIfPresent(PolicyValues.self, forKey: .service)?.values ?? [],
                federated: try container.decodeIfPresent(PolicyValues.self, forKey: .federated)?.values ?? [],
                canonicalUser: try container.decodeIfPresent(PolicyValues.self, forKey: .canonicalUser)?.values ?? []
            )
        }

        /// Writes `"*"` or an object of the non-empty kinds.
        public func encode(to encoder: any Encoder) throws {
            if isEveryone {
                var container = encoder.singleValueContainer()
                try container.encode("*")
                return
            }
            var container = encoder.container(keyedBy: CodingKeys.self)
            for (key, values) in [(CodingKeys.aws, aws), (.service, service), (.federated, federated), (.canonicalUser, canonicalUser)] where !values.isEmpty {
                try container.encode(values, forKey: key)
            }
        }
    }

    /// One condition test: an operator such as `StringEquals` or `BoolIfExists`, a context key and the values
    /// any of which may match.
    public struct Condition: Sendable, Equatable, Codable {
        /// The condition operator as written, with any `IfExists` suffix or `ForAnyValue:`/`ForAllValues:` prefix.
        public var operatorName: String
        /// The context key, e.g. `aws:SecureTransport`.
        public var key: String
        /// The values; JSON booleans and numbers are kept as their text (`false`, `1.2`).
        public var values: [String]

        /// A condition.
        public init(operatorName: String, key: String, values: [String]) {
            self.operatorName = operatorName
            self.key = key
            self.values = values
        }

        /// Conditions from IAM's nested form, in a stable order (JSON objects have none).
        static func list(_ byOperator: [String: [String: PolicyValues]]) -> [Condition] {
            byOperator.flatMap { operatorName, keys in
                keys.map { Condition(operatorName: operatorName, key: $0.key, values: $0.value.values) }
            }.sorted { ($0.operatorName, $0.key) < ($1.operatorName, $1.key) }
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (underlying ?? context.debugDescription) + path(context)
        case .keyNotFound(let key, let context):
            return "\(key.stringValue) is missing" + path(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.debugDescription + path(context)
        @unknown default:
            return "\(error)"
        }
    }
}

/// A policy element that IAM accepts as one value or a list: strings, and in conditions booleans and
/// numbers, all kept as text.
struct PolicyValues: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Scalar].self) {
            values = list.map(\.text)
        } else {
            values = [try container.decode(Scalar.self).text]
        }
    }

    private struct Scalar: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "true" : "false"
            } else if let number = try? container.decode(Double.self) {
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            } else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a string, boolean, number or a list of them"))
            }
        }
    }
}
