import AnlanWire

/// A confirmation's answer: every node's order and whether the plan as a whole stands.
@WireMessage
public struct ConfirmResult: Hashable, Codable, Sendable {
    @Field(1) public var planID: String = ""
    /// Every node's order approved. When false, every order that was created has been cancelled
    /// (its stock released), except where a node's outcome is `unknown`.
    @Field(2) public var confirmed: Bool = false
    @Field(3) public var orders: [NodeOrder] = []
}
