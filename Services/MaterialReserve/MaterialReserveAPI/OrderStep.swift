import AnlanRPC
import AnlanWire

/// Moves a dispatch order one step (approve, dispatch, receive, cancel), by id.
@WireMessage
public struct OrderStep: Hashable, Codable, Sendable {
    @Field(1) public var orderID: String = ""
    @Field(2) public var actor: String = ""
    /// For receive: what arrived, per item (`quantity` is the received count).
    @Field(3) public var received: [DispatchLine] = []
}

extension OrderStep: ActorStampedRequest {
    public var stampedActor: String {
        get { actor }
        set { actor = newValue }
    }
}
