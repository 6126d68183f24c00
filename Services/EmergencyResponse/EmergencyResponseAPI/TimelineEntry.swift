import AnlanRecords
import AnlanWire

/// One thing that happened to an incident. Entries are only ever appended.
@WireMessage
public struct TimelineEntry: Hashable, Codable, Sendable {
    @Field(1) public var incidentID: String = ""
    /// 1, 2, 3… per incident.
    @Field(2) public var sequence: Int64 = 0
    @Field(3) public var atMilliseconds: Int64 = 0
    @Field(4) public var actor: String = ""
    @Field(5) public var kind: TimelineKind = .reported
    /// What happened, in words (Chinese as entered).
    @Field(6) public var text: String = ""
}
