import AnlanRPC
import AnlanWire

/// Movements recorded together: all or none.
@WireMessage
public struct MovementBatch: Hashable, Codable, Sendable {
    @Field(1) public var movements: [Movement] = []
}

extension MovementBatch: ActorStampedRequest {
    /// Every movement's actor (the first one's when read).
    public var stampedActor: String {
        get { movements.first?.actor ?? "" }
        set { for index in movements.indices { movements[index].actor = newValue } }
    }
}
