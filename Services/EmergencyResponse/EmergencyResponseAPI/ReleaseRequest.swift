import AnlanRPC
import AnlanRecords
import AnlanWire

/// Ends a deployment, by its key: the team is back on standby. `undo` says the team never left (a
/// confirmation failed elsewhere); releasing or undoing an ended deployment answers it unchanged.
@WireMessage
public struct ReleaseRequest: Hashable, Codable, Sendable {
    @Field(1) public var idempotencyKey: String = ""
    @Field(2) public var actor: String = ""
    @Field(3, .omitDefault) public var undo: Bool = false
}

extension ReleaseRequest: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
