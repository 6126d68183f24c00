import AnlanRecords
import AnlanWire

/// A team on standby and its great-circle distance from the asked place.
@WireMessage
public struct TeamCandidate: Hashable, Codable, Sendable {
    @Field(1) public var team: RescueTeam = RescueTeam()
    @Field(2) public var distanceKilometres: Double = 0
}
