import AnlanWire
import EmergencyResponseAPI

/// One proposal for an incident: the teams to send, soonest first, and the cross-tier material plan.
/// Confirming it (`gateway.proposal.confirm`) deploys every team and orders every material, or nothing.
@WireMessage
public struct DispatchProposal: Hashable, Codable, Sendable {
    /// Names the proposal; each team's deployment is keyed `<proposal id>/<team id>`.
    @Field(1) public var proposalID: String = ""
    @Field(2) public var incident: Incident = Incident()
    /// First the soonest team for each of the incident's specialties (in the kind's order), then the
    /// soonest of the rest, up to the number asked.
    @Field(3) public var teams: [ProposedTeam] = []
    /// Specialties no team on standby in the subtree brings.
    @Field(4) public var uncovered: [Specialty] = []
    /// Materials: the same plan `gateway.plan` makes for the incident's place (no lines when nothing was needed).
    @Field(5) public var materials: TieredPlan = TieredPlan()
    @Field(6) public var targetHours: Double = 0
    /// As many teams as asked, every specialty covered, every team and line within the target.
    @Field(7, .omitDefault) public var targetMet: Bool = false
    /// The nodes asked for teams, and whether each answered.
    @Field(8) public var nodes: [PartStatus] = []
}
