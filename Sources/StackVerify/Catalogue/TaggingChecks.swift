/// Checks that apply to every resource type.
enum TaggingChecks {
    static let all: [Check] = [nameCarriesSuffix]

    static let nameCarriesSuffix = Check(
        id: "name-carries-suffix", title: "the resource's Name tag (or its name, for named resources) carries the environment suffix", kind: nil,
        reads: ["the resource's own Describe/Get call"], origin: "seeds 000-004 (every resource named with environment_suffix)"
    ) { context in
        guard let suffix = context.suffix, !suffix.isEmpty else {
            return context.resourceIDs.map { .fail($0, "\($0): no environment suffix is known (pass --suffix or set ENVIRONMENT_SUFFIX) to check names against") }
        }
        return try await context.eachResource { id in
            guard let snapshot = try await context.kind.snapshot(id: id, state: context.state) else { return .fail(id, "\(context.kind) \(id) does not exist") }
            if let name = snapshot.properties.value(at: ["tags", "Name"])?.text {
                return .expect(name.contains(suffix), id, property: "tag Name", expected: "containing \(suffix)", actual: name)
            }
            if context.kind.isFoundByTags {
                return .fail(id, "\(context.kind) \(id) has no Name tag: expected one containing \(suffix)")
            }
            return .expect(id.contains(suffix), id, property: "name", expected: "containing \(suffix)", actual: id)
        }
    }
}
