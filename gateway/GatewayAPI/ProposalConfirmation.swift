import AnlanWire

/// A proposal's confirmation: every team deployed and every material order approved, or — when any
/// node refused or could not be reached — every deployment undone and every order cancelled.
@WireMessage
public struct ProposalConfirmation: Hashable, Codable, Sendable {
    @Field(1) public var proposalID: String = ""
    @Field(2, .omitDefault) public var confirmed: Bool = false
    @Field(3) public var teams: [TeamOrder] = []
    @Field(4) public var materials: ConfirmResult = ConfirmResult()
}
