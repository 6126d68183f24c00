import AnlanWire

/// Between gateways: the candidate teams of a subtree, soonest first, and the nodes asked.
@WireMessage
public struct TeamPlan: Hashable, Codable, Sendable {
    @Field(1) public var teams: [ProposedTeam] = []
    @Field(2) public var nodes: [PartStatus] = []
}
