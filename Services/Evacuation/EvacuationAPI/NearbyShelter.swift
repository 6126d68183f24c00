import AnlanRecords
import AnlanWire

/// A shelter and how far it is from the point asked about.
@WireMessage
public struct NearbyShelter: Hashable, Codable, Sendable {
    @Field(1) public var shelter: Shelter = Shelter()
    /// Great-circle distance.
    @Field(2) public var distanceKilometres: Double = 0
}
