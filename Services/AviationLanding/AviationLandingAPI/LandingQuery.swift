import AnlanRecords
import AnlanWire

/// Asks for a page of the landing points in a region subtree, ordered by region code then id.
/// Empty filters match everything.
@WireMessage
public struct LandingQuery: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// The `nextCursor` of the previous page; "" for the first page.
    @Field(2) public var cursor: String = ""
    /// Points per page: 1…1000, 0 means 100.
    @Field(3) public var limit: UInt32 = 0
    @Field(4) public var kinds: [LandingPointKind] = []
    @Field(5) public var statuses: [LandingPointStatus] = []
    @Field(6, .omitDefault) public var nonCompliantOnly: Bool = false
    /// Only points never inspected, or last inspected longer ago than the node's interval.
    @Field(7, .omitDefault) public var inspectionDueOnly: Bool = false
    /// The day "due" is judged on; absent means today at the node.
    @Field(8) public var asOf: CivilDay?
}
