import AnlanRPC
import AnlanRecords
import AnlanWire

/// Moves a hidden hazard one step through the loop (or escalates it); answered with the hazard after it.
@WireMessage
public struct TransitionRequest: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    @Field(2) public var action: HiddenHazardAction = .assign
    @Field(3) public var actor: String = ""
    @Field(4) public var note: String = ""
    /// Required for rectify and close.
    @Field(5) public var evidence: String = ""
    /// The day it happened; absent means today at the node. Not before the last step, not in the future.
    @Field(6) public var day: CivilDay?
}

extension TransitionRequest: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
