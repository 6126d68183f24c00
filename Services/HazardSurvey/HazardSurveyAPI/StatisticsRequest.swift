import AnlanRPC
import AnlanRecords
import AnlanWire

/// Asks for a region's roll-up statistics.
@WireMessage
public struct StatisticsRequest: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// Only records coded to exactly this region, not its subtree (so a parent = own + children).
    @Field(2, .omitDefault) public var exactRegion: Bool = false
    /// The day overdue and on-time are judged on; absent means today at the node.
    @Field(3) public var asOf: CivilDay?
}

extension StatisticsRequest: RegionScopedRequest {
    /// A caller from inside the node's region may name only its own jurisdiction's regions.
    public var scopedRegions: [String] { [regionCode] }
}
