import AnlanRecords
import AnlanWire

/// Asks for training coverage (or statistics) of a region subtree in a year.
@WireMessage
public struct CoverageRequest: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// Absent: every role.
    @Field(2) public var role: PersonRole?
    /// 0: this year.
    @Field(3) public var year: UInt32 = 0
    /// For statistics: coverage lines only, no rule counts (which read the people themselves; a
    /// gateway's summary, asked every second, wants only what the tallies give).
    @Field(4, .omitDefault) public var coverageOnly: Bool = false
}
