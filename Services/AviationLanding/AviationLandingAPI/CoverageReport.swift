import AnlanRecords
import AnlanWire

/// Each township of a region subtree and its nearest usable landing point.
@WireMessage
public struct CoverageReport: Hashable, Codable, Sendable {
    @Field(1) public var withinKilometres: Double = 0
    /// By region code.
    @Field(2) public var townships: [TownshipCoverage] = []
    /// Townships with a usable point within `withinKilometres` …
    @Field(3) public var covered: Int64 = 0
    /// … of this many.
    @Field(4) public var total: Int64 = 0
}
