import AnlanRecords
import AnlanWire

/// Training coverage of a region subtree in a year, one line per role (and level).
@WireMessage
public struct CoverageReport: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var year: UInt32 = 0
    @Field(3) public var lines: [CoverageLine] = []
}
