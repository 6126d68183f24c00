import AnlanRecords
import AnlanWire

/// A region's reserve gaps: its own tier's norms against its own tier's holdings, and the same summed
/// over its whole subtree (itself and every region below it).
@WireMessage
public struct RegionGap: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var riskLevel: RiskLevel = .medium
    /// Lines of this region's own norms, by item.
    @Field(3) public var own: [GapLine] = []
    /// Lines summed over the subtree, by item.
    @Field(4) public var subtree: [GapLine] = []
    /// Regions of the subtree that have at least one norm line.
    @Field(5) public var assessedRegions: Int64 = 0
    /// Regions of the subtree short of at least one item.
    @Field(6) public var shortRegions: Int64 = 0
}
