import AnlanWire

/// One team's deployment in a confirmation, at the node that commands it.
@WireMessage
public struct TeamOrder: Hashable, Codable, Sendable {
    @Field(1) public var node: String = ""
    @Field(2) public var teamID: String = ""
    @Field(3) public var idempotencyKey: String = ""
    /// approved: deployed; cancelled: deployed, then undone; failed: never deployed; unknown: neither
    /// the deployment nor its undo could be confirmed (see `reason`).
    @Field(4) public var outcome: NodeOrder.Outcome = .failed
    @Field(5) public var reason: String = ""
}
