import AnlanRPC
import AnlanWire

/// Confirms a plan: one dispatch order per node it draws on, each approved (its stock reserved).
@WireMessage
public struct ConfirmRequest: Hashable, Codable, Sendable {
    /// as `gateway.plan` answered it
    @Field(1) public var plan: TieredPlan = TieredPlan()
    @Field(2) public var requestedBy: String = ""
}

extension ConfirmRequest: ActorStampedRequest {
    public var stampedActor: String {
        get { requestedBy }
        set { requestedBy = newValue }
    }
}
