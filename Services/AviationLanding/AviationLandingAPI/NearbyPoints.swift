import AnlanRecords
import AnlanWire

/// Landing points, nearest first.
@WireMessage
public struct NearbyPoints: Hashable, Codable, Sendable {
    @Field(1) public var points: [NearbyPoint] = []
    /// More matched than the limit allowed.
    @Field(2, .omitDefault) public var truncated: Bool = false
}
