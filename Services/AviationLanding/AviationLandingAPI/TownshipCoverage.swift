import AnlanRecords
import AnlanWire

/// One township's distance to its nearest usable landing point on this node.
@WireMessage
public struct TownshipCoverage: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// "" when the node has no usable point.
    @Field(2) public var nearestPointID: String = ""
    @Field(3) public var distanceKilometres: Double = 0
    /// Measured from an approximate place: the township's bounding-box centre, or its county seat when it has no point.
    @Field(4, .omitDefault) public var approximate: Bool = false
    @Field(5, .omitDefault) public var covered: Bool = false
}
