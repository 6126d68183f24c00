import AnlanRecords
import AnlanWire

/// Asks a node for its teams on standby that could answer an incident: those with any of
/// `specialties`, nearest first by great-circle distance from their base.
@WireMessage
public struct TeamSearch: Hashable, Codable, Sendable {
    @Field(1) public var latitude: Double = 0
    @Field(2) public var longitude: Double = 0
    /// At least one.
    @Field(3) public var specialties: [Specialty] = []
    /// 1…1000; 0 means 100.
    @Field(4, .omitDefault) public var limit: UInt32 = 0
}
