import AnlanRecords
import AnlanWire

/// An incident with its whole timeline, oldest entry first.
@WireMessage
public struct IncidentRecord: Hashable, Codable, Sendable {
    @Field(1) public var incident: Incident = Incident()
    @Field(2) public var timeline: [TimelineEntry] = []
}
