import AnlanRPC
import AnlanWire

/// Confirms a proposal as it was made (the teams and plan in it, not a new search).
@WireMessage
public struct ProposalConfirmRequest: Hashable, Codable, Sendable {
    @Field(1) public var proposal: DispatchProposal = DispatchProposal()
    @Field(2) public var requestedBy: String = ""
}

extension ProposalConfirmRequest: ActorStampedRequest {
    public var stampedActor: String {
        get { requestedBy }
        set { requestedBy = newValue }
    }
}
