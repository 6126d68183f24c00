import AnlanRPC
import AnlanRecords
import AnlanWire

/// Sets a team's readiness by hand (standby, resting, unavailable); deployment and release set
/// `deployed` and back, never this.
@WireMessage
public struct ReadinessChange: Hashable, Codable, Sendable {
    @Field(1) public var teamID: String = ""
    @Field(2) public var readiness: Readiness = .standby
    @Field(3) public var actor: String = ""
}

extension ReadinessChange: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
