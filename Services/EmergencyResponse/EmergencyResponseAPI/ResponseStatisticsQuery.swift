import AnlanRecords
import AnlanWire

/// Asks for a region's emergency-response statistics.
@WireMessage
public struct ResponseStatisticsQuery: Hashable, Codable, Sendable {
    /// A region in the node's subtree (empty: the node's own).
    @Field(1) public var regionCode: String = ""
}
