import AnlanRecords
import AnlanWire

/// A report from the field (码上报): the counts as they stand now (those given replace the incident's)
/// and a note. Appended to the timeline; refused once the incident is closed.
@WireMessage
public struct FieldReport: Hashable, Codable, Sendable {
    @Field(1) public var incidentID: String = ""
    @Field(2) public var reporter: String = ""
    /// When it was observed (Unix ms; the node's clock when 0).
    @Field(3) public var atMilliseconds: Int64 = 0
    /// The counts that changed (absent: unchanged), each 0…100,000,000.
    @Field(4) public var affected: Int64?
    @Field(5) public var dead: Int64?
    @Field(6) public var injured: Int64?
    @Field(7) public var missing: Int64?
    @Field(8) public var note: String = ""
    /// A new response level, when the report raises or lowers it.
    @Field(9) public var responseLevel: ResponseLevel?
}
