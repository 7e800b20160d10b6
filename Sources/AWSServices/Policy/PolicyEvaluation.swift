/// What a policy grants and denies, answered the way IAM evaluates a single policy: a statement applies when
/// its principal, action, resource and every condition match; an applying Deny wins over any Allow; with no
/// applying Allow the answer is no.
extension PolicyDocument {
    /// Whether this policy alone allows `principal` to call `action` (e.g. `s3:GetObject`, matched without
    /// regard to case) on `resource`, given the request's condition `context` (keys matched without regard to
    /// case, e.g. `["aws:SecureTransport": "true"]`). A `nil` resource skips `Resource`/`NotResource`.
    ///
    /// `principal` is an IAM ARN, an account id, a service principal (`logs.amazonaws.com`), or `*` for
    /// anonymous. An account named in the policy (by id or root ARN) stands for every principal of that
    /// account, as it does in a resource policy.
    public func allows(action: String, principal: String, resource: String? = nil, context: [String: String] = [:]) -> Bool {
        let applying = statements.filter {
            $0.applies(to: principal) && $0.covers(action: action) && (resource.map($0.covers(resource:)) ?? true) && $0.conditionsHold(in: context)
        }
        return !applying.contains { $0.effect == .deny } && applying.contains { $0.effect == .allow }
    }

    /// Whether every request to `resources` (e.g. `arn:aws:s3:::bucket` and `arn:aws:s3:::bucket/*`) made
    /// without TLS is denied to everyone: a Deny to principal `*`, on every action of the resource's service
    /// (`s3:*` or `*`), covering the resource, whose only conditions test `aws:SecureTransport` and hold when it
    /// is `false` (`Bool`, `BoolIfExists`, string or JSON boolean). A condition on another key narrows the
    /// deny, so such a statement does not count.
    public func deniesInsecureTransport(for resources: [String]) -> Bool {
        let insecure = ["aws:SecureTransport": "false"]
        return !resources.isEmpty && resources.allSatisfy { resource in
            let everyAction = "\(Self.service(ofARN: resource)):*"
            return statements.contains { statement in
                statement.effect == .deny && statement.principal?.includesEveryone == true && statement.notPrincipal == nil
                    && statement.covers(action: everyAction) && statement.covers(resource: resource)
                    && !statement.conditions.isEmpty
                    && statement.conditions.allSatisfy { $0.key.lowercased() == "aws:securetransport" }
                    && statement.conditionsHold(in: insecure)
            }
        }
    }

    /// Whether the policy grants the service principal `principal` (e.g. `logs.us-east-1.amazonaws.com`) every
    /// action in `actions`, which may carry wildcards (`kms:Encrypt*` is granted by `kms:Encrypt*`, `kms:*` or
    /// `*`, not by `kms:Encrypt`). Conditions on an Allow do not stop it counting: the service supplies that
    /// context when it calls. An unconditional Deny to the service of an overlapping action withdraws the grant.
    public func grantsService(_ principal: String, actions: [String]) -> Bool {
        actions.allSatisfy { action in
            let granted = statements.contains { $0.effect == .allow && $0.applies(to: principal) && $0.covers(action: action) }
            let withdrawn = statements.contains { $0.effect == .deny && $0.conditions.isEmpty && $0.applies(to: principal) && $0.overlaps(action: action) }
            return granted && !withdrawn
        }
    }

    /// `s3` for `arn:aws:s3:::bucket`; `*` for anything that is not an ARN.
    static func service(ofARN arn: String) -> String {
        let parts = arn.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count > 2 && parts[0] == "arn" && !parts[2].isEmpty ? String(parts[2]) : "*"
    }
}

extension PolicyDocument.Statement {
    /// Whether `Principal`/`NotPrincipal` take in `principal`; a statement with neither (an identity policy)
    /// applies to its holder, whoever asks.
    func applies(to principal: String) -> Bool {
        if let notPrincipal { return !notPrincipal.matches(principal) }
        return self.principal?.matches(principal) ?? true
    }

    /// Whether `Action`/`NotAction` take in every action `action` stands for.
    func covers(action: String) -> Bool {
        if let actions { return actions.contains { Wildcard.covers($0, action, ignoringCase: true) } }
        return !(notActions ?? []).contains { Wildcard.overlaps($0, action, ignoringCase: true) }
    }

    /// Whether `Action`/`NotAction` take in at least one action `action` stands for.
    func overlaps(action: String) -> Bool {
        if let actions { return actions.contains { Wildcard.overlaps($0, action, ignoringCase: true) } }
        return !(notActions ?? []).contains { Wildcard.covers($0, action, ignoringCase: true) }
    }

    /// Whether `Resource`/`NotResource` take in every resource `resource` stands for; neither means all.
    func covers(resource: String) -> Bool {
        if let resources { return resources.contains { Wildcard.covers($0, resource, ignoringCase: false) } }
        return !(notResources ?? []).contains { Wildcard.overlaps($0, resource, ignoringCase: false) }
    }

    /// Whether every condition holds in `context`.
    func conditionsHold(in context: [String: String]) -> Bool {
        conditions.allSatisfy { $0.holds(in: context) }
    }
}

extension PolicyDocument.Principal {
    /// Whether this takes in everyone: `"*"` or `{"AWS": "*"}`.
    var includesEveryone: Bool { isEveryone || aws.contains("*") }

    /// Whether `principal` is one of these. An account (id or root ARN) takes in every IAM and STS principal
    /// of that account; service names are matched without regard to case.
    func matches(_ principal: String) -> Bool {
        if includesEveryone { return true }
        if principal == "*" { return false }
        let asked = Self.account(of: principal)
        for named in aws {
            if named == principal { return true }
            if let account = Self.account(of: named), account.isRoot, account.id == asked?.id { return true }
        }
        return service.contains { $0.lowercased() == principal.lowercased() } || federated.contains(principal) || canonicalUser.contains(principal)
    }

    /// The account of an account id, or of an IAM/STS ARN, and whether it names the account itself.
    private static func account(of principal: String) -> (id: String, isRoot: Bool)? {
        if principal.count == 12, principal.allSatisfy(\.isNumber) { return (principal, true) }
        let parts = principal.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam" || parts[2] == "sts", !parts[4].isEmpty else { return nil }
        return (String(parts[4]), parts[2] == "iam" && parts[5] == "root")
    }
}

extension PolicyDocument.Condition {
    /// Whether the condition holds in `context`, as IAM decides it for single-valued keys: any listed value
    /// may match; negated operators (`StringNotEquals`, `ArnNotLike`...) hold when none does. An absent key
    /// makes positive operators fail and negated ones hold; `...IfExists` makes every operator hold.
    /// Operators StackVerify does not know (dates, IP addresses) never hold, so an Allow behind them is not
    /// taken for granted.
    func holds(in context: [String: String]) -> Bool {
        var name = operatorName
        var absentHolds: Bool?
        for (prefix, absent) in [("ForAllValues:", true), ("ForAnyValue:", false)] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
            absentHolds = absent
        }
        if name.hasSuffix("IfExists") {
            name.removeLast("IfExists".count)
            absentHolds = true
        }
        let lowerKey = key.lowercased()
        let value = context.first { $0.key.lowercased() == lowerKey }?.value
        if name == "Null" {
            return values.contains { $0.lowercased() == (value == nil ? "true" : "false") }
        }
        guard let test = Self.tests[name] else { return false }
        guard let value else { return absentHolds ?? test.negated }
        let matched = values.contains { test.match($0, value) }
        return test.negated ? !matched : matched
    }

    /// How an operator compares a policy value with the context's: the positive match and whether it is negated.
    private static let tests: [String: (match: @Sendable (String, String) -> Bool, negated: Bool)] = {
        let equals: @Sendable (String, String) -> Bool = { $0 == $1 }
        let equalsIgnoringCase: @Sendable (String, String) -> Bool = { $0.lowercased() == $1.lowercased() }
        let like: @Sendable (String, String) -> Bool = { Wildcard.covers($0, $1, ignoringCase: false) }
        let arnLike: @Sendable (String, String) -> Bool = { pattern, arn in
            // Each of the six colon-separated parts is matched on its own, so `*` never spans a colon.
            let patternParts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            return patternParts.count == 6 && arnParts.count == 6
                && zip(patternParts, arnParts).allSatisfy { Wildcard.covers(String($0), String($1), ignoringCase: false) }
        }
        func numeric(_ compare: @escaping @Sendable (Double, Double) -> Bool) -> @Sendable (String, String) -> Bool {
            { policy, asked in
                guard let policy = Double(policy), let asked = Double(asked) else { return false }
                return compare(asked, policy)
            }
        }
        return [
            "StringEquals": (equals, false), "StringNotEquals": (equals, true),
            "StringEqualsIgnoreCase": (equalsIgnoringCase, false), "StringNotEqualsIgnoreCase": (equalsIgnoringCase, true),
            "StringLike": (like, false), "StringNotLike": (like, true),
            "ArnEquals": (arnLike, false), "ArnLike": (arnLike, false), "ArnNotEquals": (arnLike, true), "ArnNotLike": (arnLike, true),
            "Bool": (equalsIgnoringCase, false),
            "NumericEquals": (numeric { $0 == $1 }, false), "NumericNotEquals": (numeric { $0 == $1 }, true),
            "NumericLessThan": (numeric { $0 < $1 }, false), "NumericLessThanEquals": (numeric { $0 <= $1 }, false),
            "NumericGreaterThan": (numeric { $0 > $1 }, false), "NumericGreaterThanEquals": (numeric { $0 >= $1 }, false),
        ]
    }()
}

/// IAM's wildcards: `*` any run of characters, `?` any one. `covers` answers for patterns on both sides:
/// whether everything `candidate` matches is matched by `pattern` (for a plain candidate, simply whether the
/// pattern matches it).
enum Wildcard {
    /// Whether `pattern` matches every string `candidate` matches.
    static func covers(_ pattern: String, _ candidate: String, ignoringCase: Bool) -> Bool {
        let pattern = Array(ignoringCase ? pattern.lowercased() : pattern)
        let candidate = Array(ignoringCase ? candidate.lowercased() : candidate)
        // covered[i][j]: pattern[i...] covers candidate[j...]; filled from the ends backwards.
        var covered = Array(repeating: Array(repeating: false, count: candidate.count + 1), count: pattern.count + 1)
        covered[pattern.count][candidate.count] = true
        for i in stride(from: pattern.count - 1, through: 0, by: -1) {
            for j in stride(from: candidate.count, through: 0, by: -1) {
                switch pattern[i] {
                case "*":
                    // `*` may match nothing, or swallow the candidate's next character, `*` or `?` included.
                    covered[i][j] = covered[i + 1][j] || (j < candidate.count && covered[i][j + 1])
                case "?":
                    covered[i][j] = j < candidate.count && candidate[j] != "*" && covered[i + 1][j + 1]
                default:
                    covered[i][j] = j < candidate.count && candidate[j] == pattern[i] && covered[i + 1][j + 1]
                }
            }
        }
        return covered[0][0]
    }

    /// Whether the two patterns plainly share some string: one covers the other.
    static func overlaps(_ first: String, _ second: String, ignoringCase: Bool) -> Bool {
        covers(first, second, ignoringCase: ignoringCase) || covers(second, first, ignoringCase: ignoringCase)
    }
}
