import AnlanRecords
import AnlanWire

/// 预警: a warning issued by a tier for some of its regions, which moves the people it concerns.
///
/// Every node records the warnings that cover it and creates the transfer tasks of its own people,
/// once: a cut-off node keeps working on the warnings it has.
@WireMessage
public struct Warning: Hashable, Codable, Sendable {
    /// Unique; from a CAP message, its identifier.
    @Field(1) public var id: String = ""
    /// The region of the tier that issued it; it must govern every region in `regionCodes`.
    @Field(2) public var issuerRegion: String = ""
    /// The regions it covers (any tier: a city covers all its townships).
    @Field(3) public var regionCodes: [String] = []
    @Field(4) public var hazard: WarningHazard = .typhoon
    @Field(5) public var level: WarningLevel = .blue
    /// Hours between issue and the expected impact: 3, 6, 24 or 48 (the dynamic risk map's bands).
    @Field(6) public var leadTimeHours: UInt32 = 24
    @Field(7) public var issuedAtMilliseconds: Int64 = 0
    @Field(8) public var validFromMilliseconds: Int64 = 0
    @Field(9) public var validToMilliseconds: Int64 = 0
    @Field(10) public var status: WarningStatus = .active
    /// The warning this one replaces ("" for none); replacing lifts it.
    @Field(11) public var replaces: String = ""
    /// The later warning that replaced this one (answers only).
    @Field(12) public var replacedBy: String = ""
    @Field(13) public var headline: String = ""
    /// Who issued it, e.g. 浙江省气象台 or the province's 防指.
    @Field(14) public var sender: String = ""
    /// Transfer tasks this node created for it (answers only).
    @Field(15) public var tasksCreated: Int64 = 0
}
