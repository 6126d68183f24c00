import AnlanRecords
import AnlanWire

/// The answer to `evacuation.shelter.nearby`: nearest first.
@WireMessage
public struct NearbyShelters: Hashable, Codable, Sendable {
    @Field(1) public var shelters: [NearbyShelter] = []
}
