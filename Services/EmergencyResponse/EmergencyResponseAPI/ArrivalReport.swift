import AnlanRPC
import AnlanRecords
import AnlanWire

/// A team reached the incident (到达现场): the first arrival sets the incident's time to first team.
@WireMessage
public struct ArrivalReport: Hashable, Codable, Sendable {
    @Field(1) public var incidentID: String = ""
    @Field(2) public var teamID: String = ""
    @Field(3) public var actor: String = ""
    /// Unix ms; the node's clock when 0. Not before the report.
    @Field(4) public var atMilliseconds: Int64 = 0
}

extension ArrivalReport: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
