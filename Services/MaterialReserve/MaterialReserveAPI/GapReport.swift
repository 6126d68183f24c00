import AnlanRecords
import AnlanWire

/// The gap report of a region: its own and subtree figures, then each child's, so a reader can drill
/// down one tier at a time.
@WireMessage
public struct GapReport: Hashable, Codable, Sendable {
    /// The day stock was judged unexpired on.
    @Field(1) public var asOf: CivilDay?
    @Field(2) public var region: RegionGap = RegionGap()
    /// The region's children, by region code.
    @Field(3) public var children: [RegionGap] = []
}
