import AnlanRecords
import AnlanWire

/// What the reserve norms of a region are counted against: its risk level and, usually at township
/// level, its flood-control responsible persons and villages in disaster-prone areas.
@WireMessage
public struct RegionProfile: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// Absent: the nearest ancestor's level applies (medium when none is set).
    @Field(2) public var riskLevel: RiskLevel?
    @Field(3) public var responsiblePersons: Int64 = 0
    @Field(4) public var disasterProneVillages: Int64 = 0
}
