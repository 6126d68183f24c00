import AnlanRecords
import AnlanWire

/// Asks for landing points built in a year against the construction target.
@WireMessage
public struct TargetRequest: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// 0: this year.
    @Field(2) public var year: UInt32 = 0
}
