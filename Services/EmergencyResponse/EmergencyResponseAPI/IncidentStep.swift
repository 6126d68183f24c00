import AnlanRPC
import AnlanRecords
import AnlanWire

/// A step on an incident: responding (with what was sent, in `note`) or closing.
@WireMessage
public struct IncidentStep: Hashable, Codable, Sendable {
    @Field(1) public var incidentID: String = ""
    @Field(2) public var actor: String = ""
    @Field(3) public var note: String = ""
    /// Unix ms; the node's clock when 0.
    @Field(4) public var atMilliseconds: Int64 = 0
}

extension IncidentStep: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
