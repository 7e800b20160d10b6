import AWSServices

/// One live resource as a spec's property expectations see it: its id and its properties as
/// `describe --json` shows them.
public struct ResourceSnapshot: Sendable {
    /// The resource type.
    public var kind: ResourceKind
    /// The id (or name, for named resources).
    public var id: String
    /// The properties.
    public var properties: JSONValue

    /// A snapshot of `model`, with `extra` properties from other reads added at the top level.
    init(kind: ResourceKind, id: String, model: some Encodable, extra: [String: JSONValue] = [:]) throws {
        self.kind = kind
        self.id = id
        var properties = try JSONValue(encoding: model)
        if case var .object(object) = properties {
            object.merge(extra) { _, added in added }
            properties = .object(object)
        }
        self.properties = properties
    }
}

extension ResourceKind {
    /// The live snapshot of the resource `id`; `nil` when it does not exist.
    public func snapshot(id: String, state: LiveState) async throws -> ResourceSnapshot? {
        switch self {
        case .vpc:
            guard let vpc = try await state.vpc(id) else { return nil }
            let dns = try await state.vpcDNS(id)
            return try ResourceSnapshot(kind: self, id: id, model: vpc, extra: [
                "enableDnsSupport": .bool(dns.enableDnsSupport), "enableDnsHostnames": .bool(dns.enableDnsHostnames),
            ])
        case .subnet: return try await state.subnet(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .routeTable: return try await state.routeTable(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .natGateway: return try await state.natGateway(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .internetGateway: return try await state.internetGateway(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .networkAcl: return try await state.networkAcl(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .securityGroup: return try await state.securityGroup(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .flowLog: return try await state.flowLog(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .vpcEndpoint: return try await state.vpcEndpoint(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .elasticIP: return try await state.elasticIP(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .bucket: return try await state.bucket(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .kmsKey: return try await state.key(id).map { try ResourceSnapshot(kind: self, id: id, model: $0) }
        case .logGroup:
            guard let group = try await state.logGroup(id) else { return nil }
            let tags = try await state.logGroupTags(group)
            return try ResourceSnapshot(kind: self, id: id, model: group, extra: ["tags": .object(tags.mapValues(JSONValue.string))])
        case .ecsCluster:
            return try await state.cluster(id).map { cluster in
                var extra: [String: JSONValue] = ["tags": .object(cluster.tags.mapValues(JSONValue.string))]
                extra["containerInsights"] = cluster.containerInsights.map(JSONValue.string)
                return try ResourceSnapshot(kind: self, id: id, model: cluster, extra: extra)
            }
        case .ecsService:
            return try await state.service(id).map { try ResourceSnapshot(kind: self, id: id, model: $0, extra: ["tags": .object($0.tags.mapValues(JSONValue.string))]) }
        case .taskDefinition:
            return try await state.taskDefinition(id).map { try ResourceSnapshot(kind: self, id: id, model: $0, extra: ["tags": .object($0.tags.mapValues(JSONValue.string))]) }
        }
    }

    /// The ids of the resources of this EC2 type whose tags match `tags` (`*` and `?` wildcards).
    /// The match is also made here, not only by AWS's `tag:` filter, because the emulator ignores that
    /// filter for NAT gateways: the result is the same against AWS, and honest against the emulator.
    func ids(matching tags: [String: String], state: LiveState) async throws -> [String] {
        let key = "ec2:find:\(self):" + tags.keys.sorted().map { "\($0)=\(tags[$0]!)" }.joined(separator: ",")
        return try await state.read(key) { try await findIDs(matching: tags, state: state) }
    }

    private func findIDs(matching tags: [String: String], state: LiveState) async throws -> [String] {
        let filters = tags.keys.sorted().map { EC2.Filter(name: "tag:\($0)", values: [tags[$0]!]) }
        let ec2 = state.ec2
        let found: [(id: String, tags: [String: String])]
        switch self {
        case .vpc: found = try await ec2.vpcs(filters: filters).map { ($0.id, $0.tags) }
        case .subnet: found = try await ec2.subnets(filters: filters).map { ($0.id, $0.tags) }
        case .routeTable: found = try await ec2.routeTables(filters: filters).map { ($0.id, $0.tags) }
        case .natGateway: found = try await ec2.natGateways(filters: filters).map { ($0.id, $0.tags) }
        case .internetGateway: found = try await ec2.internetGateways(filters: filters).map { ($0.id, $0.tags) }
        case .networkAcl: found = try await ec2.networkAcls(filters: filters).map { ($0.id, $0.tags) }
        case .securityGroup: found = try await ec2.securityGroups(filters: filters).map { ($0.id, $0.tags) }
        case .flowLog: found = try await ec2.flowLogs(filters: filters).map { ($0.id, $0.tags) }
        case .vpcEndpoint: found = try await ec2.vpcEndpoints(filters: filters).map { ($0.id, $0.tags) }
        case .elasticIP: found = try await ec2.addresses(filters: filters).compactMap { address in address.allocationId.map { ($0, address.tags) } }
        case .bucket, .kmsKey, .logGroup, .ecsCluster, .ecsService, .taskDefinition: found = []
        }
        return found.filter { resource in
            tags.allSatisfy { key, pattern in resource.tags[key].map { Wildcard.matches($0, pattern: pattern) } ?? false }
        }.map(\.id).sorted()
    }
}

/// `*` and `?` wildcards, as AWS filters and IAM use them.
enum Wildcard {
    /// Whether `text` matches `pattern`, where `*` matches any run and `?` any one character.
    static func matches(_ text: String, pattern: String, caseInsensitive: Bool = false) -> Bool {
        let text = Array(caseInsensitive ? text.lowercased() : text)
        let pattern = Array(caseInsensitive ? pattern.lowercased() : pattern)
        var (t, p, star, mark) = (0, 0, -1, 0)
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                t += 1
                p += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
