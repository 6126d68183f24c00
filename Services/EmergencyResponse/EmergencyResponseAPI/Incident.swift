import AnlanRPC
import AnlanRecords
import AnlanWire

/// An incident (突发事件), held by the node whose region it happened in. Its counts are the latest the
/// field reported; everything that happened to it is in its timeline.
@WireMessage
public struct Incident: Hashable, Codable, Sendable {
    /// Given by the node on report: `<node region>-<sequence>`, so any gateway can route by it.
    @Field(1) public var id: String = ""
    @Field(2) public var kind: IncidentKind = .flood
    /// 事件名称, e.g. 西湖区转塘街道山体滑坡.
    @Field(3) public var title: String = ""
    @Field(4) public var latitude: Double = 0
    @Field(5) public var longitude: Double = 0
    /// Where it happened (usually a township), in the node's subtree.
    @Field(6) public var regionCode: String = ""
    /// When it was reported (Unix ms; the node's clock when 0).
    @Field(7) public var reportedAtMilliseconds: Int64 = 0
    @Field(8) public var severity: IncidentSeverity = .ordinary
    @Field(9) public var responseLevel: ResponseLevel = .four
    @Field(10) public var status: IncidentStatus = .reported
    /// 受影响人数, 死亡, 受伤, 失联: the latest counts, each 0…100,000,000 (more is refused).
    @Field(11) public var affected: Int64 = 0
    @Field(12) public var dead: Int64 = 0
    @Field(13) public var injured: Int64 = 0
    @Field(14) public var missing: Int64 = 0
    /// Who reported it (name or unit).
    @Field(15) public var reporter: String = ""
    /// When the first team arrived (Unix ms), 0 before.
    @Field(16, .omitDefault) public var firstArrivalMilliseconds: Int64 = 0
    @Field(17, .omitDefault) public var closedAtMilliseconds: Int64 = 0
    /// A caller's key for the report: reporting again with the same key returns the first incident
    /// (a phone retrying over a bad link reports once).
    @Field(18, .omitDefault) public var reportKey: String = ""
}

extension Incident: RegionScopedRequest {
    /// A caller from inside the node's region may name only its own jurisdiction's regions.
    public var scopedRegions: [String] { [regionCode] }
}
