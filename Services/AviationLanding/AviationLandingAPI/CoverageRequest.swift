import AnlanRecords
import AnlanWire

/// Asks for the landing-point coverage (or the statistics) of a region subtree.
@WireMessage
public struct CoverageRequest: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// A township is covered with a usable point within this distance; 0: the node's default (15 km).
    @Field(2) public var withinKilometres: Double = 0
    /// For statistics: the construction year counted; 0: this year.
    @Field(3) public var year: UInt32 = 0
}
