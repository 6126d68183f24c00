import AnlanRPC
import AnlanRecords
import AnlanWire

/// A team sent to an incident (出动指令), made at the node that commands the team. Keyed by its
/// idempotency key: deploying again with the same key answers the first deployment and changes nothing.
@WireMessage
public struct Deployment: Hashable, Codable, Sendable {
    /// The caller's key (a gateway uses `<proposal id>/<team id>`).
    @Field(1) public var idempotencyKey: String = ""
    @Field(2) public var teamID: String = ""
    @Field(3) public var incidentID: String = ""
    /// Where the team goes.
    @Field(4) public var latitude: Double = 0
    @Field(5) public var longitude: Double = 0
    @Field(6) public var actor: String = ""
    /// Set by the node.
    @Field(7) public var state: DeploymentState = .active
    @Field(8) public var deployedAtMilliseconds: Int64 = 0
    @Field(9, .omitDefault) public var endedAtMilliseconds: Int64 = 0
}

extension Deployment: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
