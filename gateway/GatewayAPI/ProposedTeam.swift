import AnlanRecords
import AnlanWire
import EmergencyResponseAPI

/// A team in a proposal: where it comes from and when it can be there.
///
/// Ground teams: ETA = 0.5 h to muster + great-circle distance ÷ 40 km/h (the material plan's rule).
/// Aviation teams: 0.5 h to take off + flight from base to the usable landing point nearest the
/// incident that accepts the team's helicopter class, at the class's cruise speed + the last leg by
/// road from the point at 40 km/h.
@WireMessage
public struct ProposedTeam: Hashable, Codable, Sendable {
    /// The node that commands the team (where it is deployed).
    @Field(1) public var node: String = ""
    @Field(2) public var team: RescueTeam = RescueTeam()
    /// Great-circle distance from the team's base to the incident.
    @Field(3) public var distanceKilometres: Double = 0
    @Field(4) public var etaHours: Double = 0
    @Field(5, .omitDefault) public var meetsTarget: Bool = false
    /// The incident's specialties the team brings.
    @Field(6) public var covers: [Specialty] = []
    /// Aviation teams: where they land, and how far that is from the incident.
    @Field(7, .omitDefault) public var landingPointID: String = ""
    @Field(8, .omitDefault) public var landingPointName: String = ""
    @Field(9, .omitDefault) public var landingDistanceKilometres: Double = 0
}
