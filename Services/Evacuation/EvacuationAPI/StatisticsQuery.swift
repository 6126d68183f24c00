import AnlanRecords
import AnlanWire

/// Asks for a region's evacuation statistics.
@WireMessage
public struct StatisticsQuery: Hashable, Codable, Sendable {
    /// A region in the node's subtree (empty: the node's own).
    @Field(1) public var regionCode: String = ""
}
