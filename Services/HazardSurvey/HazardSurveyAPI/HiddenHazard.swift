import AnlanRPC
import AnlanRecords
import AnlanWire

/// 隐患: a hidden hazard found in an inspection, driven through the closed loop to closure (销号).
@WireMessage
public struct HiddenHazard: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    /// Where it is; defaults to the enterprise's region when an enterprise is named.
    @Field(2) public var regionCode: String = ""
    /// The enterprise it was found in, if any ("" for a public place).
    @Field(3) public var enterpriseID: String = ""
    /// A place description when there is no enterprise, or detail within it.
    @Field(4) public var location: String = ""
    @Field(5) public var description: String = ""
    /// Free-text category, e.g. 消防设施, 用电安全, 危化品储存.
    @Field(6) public var category: String = ""
    /// 重大隐患 (major) or 一般隐患 (general).
    @Field(7) public var major: Bool = false
    /// Required on create
    @Field(8) public var discoveredOn: CivilDay?
    @Field(9) public var discoveredBy: String = ""
    /// The tier supervising it (1 province, 2 city, 3 county, 4 township); it sets the deadline.
    @Field(10) public var supervisingTier: UInt8 = 0
    /// Derived by the node: discovery (or escalation) day + the supervising tier's period.
    @Field(11) public var deadline: CivilDay?
    /// 挂牌督办: publicly listed for supervision.
    @Field(12) public var listed: Bool = false
    /// Answers only; change it with a transition
    @Field(13) public var state: HiddenHazardState = .discovered
    @Field(14) public var closedOn: CivilDay?
    /// Derived when answering: open and past its deadline.
    @Field(15) public var overdue: Bool = false
    /// Every transition, oldest first (in `get` answers).
    @Field(16) public var history: [HiddenHazardEvent] = []
}

extension HiddenHazard: RegionScopedRequest {
    /// A caller from inside the node's region may name only its own jurisdiction's regions.
    public var scopedRegions: [String] { [regionCode] }
}
