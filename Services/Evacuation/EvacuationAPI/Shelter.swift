import AnlanRecords
import AnlanWire

/// 避灾安置场所: a place people are moved to, with its capacity and who is in it now.
@WireMessage
public struct Shelter: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    /// The 12-digit township it lies in.
    @Field(2) public var regionCode: String = ""
    @Field(3) public var name: String = ""
    @Field(4) public var latitude: Double = 0
    @Field(5) public var longitude: Double = 0
    @Field(6) public var kind: ShelterKind = .school
    /// People it can take (床位).
    @Field(7) public var capacity: Int64 = 0
    /// Set by the node: open once someone arrives, full at capacity; closed only by a person.
    @Field(8) public var status: ShelterStatus = .ready
    /// People in it now: arrivals less departures, as the node counted them (answers only).
    @Field(9) public var occupancy: Int64 = 0

    /// Places left (never below zero).
    public var freePlaces: Int64 { max(0, capacity - occupancy) }
    /// More people in it than places: accepted and flagged.
    public var isOverCapacity: Bool { occupancy > capacity }
}
