import AnlanWire

/// Every reserve norm of the node, by tier, risk level, item and basis.
@WireMessage
public struct ReserveNormList: Hashable, Codable, Sendable {
    @Field(1) public var norms: [ReserveNorm] = []
}
