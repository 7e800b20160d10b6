import AWSClient

/// An availability zone (or Local or Wavelength Zone) as DescribeAvailabilityZones reports it.
public struct AvailabilityZone: Sendable, Equatable, Codable {
    /// The zone name, e.g. `us-east-1a`; the same name can be a different place in another account.
    public var name: String
    /// The zone id, e.g. `use1-az1`, the same place in every account.
    public var zoneId: String?
    /// `available`, `information`, `impaired`, `unavailable` or `constrained` (AWS's `zoneState`).
    public var state: String
    /// The region, e.g. `us-east-1`.
    public var regionName: String?
    /// `availability-zone`, `local-zone` or `wavelength-zone`.
    public var zoneType: String?

    init(_ item: XML.Element) {
        name = item.text(at: "zoneName") ?? ""
        zoneId = item.nonEmptyText(at: "zoneId")
        state = item.text(at: "zoneState") ?? ""
        regionName = item.nonEmptyText(at: "regionName")
        zoneType = item.nonEmptyText(at: "zoneType")
    }
}

extension EC2 {
    /// The zones of the region with these names (`us-east-1a`) or zone ids (`use1-az1`), all when both are
    /// empty, that pass every filter. DescribeAvailabilityZones answers in one page.
    public func availabilityZones(names: [String] = [], ids: [String] = [], filters: [Filter] = []) async throws -> [AvailabilityZone] {
        let parameters = Self.numbered("ZoneName", names) + Self.parameters(idName: "ZoneId", ids: ids, filters: filters)
        let root = try await describe("DescribeAvailabilityZones", parameters: parameters)
        return root.items(at: "availabilityZoneInfo").map(AvailabilityZone.init)
    }
}
