import AnlanRPC
import AnlanRecords
import AnlanWire

/// Filters and a page position for `list` of hazard points, enterprises or hidden hazards.
///
/// Empty filters match everything. Which filters apply to which list:
/// points — types, bands; enterprises — grades, sectors, majorOnly (major hazard sources);
/// hidden hazards — states, overdueOnly, majorOnly (major hazards), listedOnly, enterpriseID.
/// A filter given to a list it does not apply to is rejected, never silently ignored.
/// Results are ordered by region code, then id.
@WireMessage
public struct HazardQuery: Hashable, Codable, Sendable {
    /// The subtree to list; "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    @Field(2) public var types: [HazardType] = []
    @Field(3) public var bands: [UInt8] = []
    @Field(4) public var grades: [RiskGrade] = []
    @Field(5) public var sectors: [IndustrySector] = []
    @Field(6) public var states: [HiddenHazardState] = []
    @Field(7, .omitDefault) public var overdueOnly: Bool = false
    @Field(8, .omitDefault) public var majorOnly: Bool = false
    @Field(9, .omitDefault) public var listedOnly: Bool = false
    @Field(10, .omitDefault) public var enterpriseID: String = ""
    /// The `nextCursor` of the previous page; "" for the first page.
    @Field(11, .omitDefault) public var cursor: String = ""
    /// Records per page: 1…1000, 0 means 100.
    @Field(12, .omitDefault) public var limit: UInt32 = 0
    /// The day "overdue" is judged on; absent means today at the node.
    @Field(13) public var asOf: CivilDay?
}

extension HazardQuery: RegionScopedRequest {
    /// A caller from inside the node's region may name only its own jurisdiction's regions.
    public var scopedRegions: [String] { [regionCode] }
}
