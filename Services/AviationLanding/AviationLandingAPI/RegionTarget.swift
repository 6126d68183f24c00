import AnlanRecords
import AnlanWire

/// A region's points built in the year against its share of the province's target.
@WireMessage
public struct RegionTarget: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var built: Int64 = 0
    /// The province's annual target × the region's share of the province's townships.
    @Field(3) public var target: Double = 0
}
