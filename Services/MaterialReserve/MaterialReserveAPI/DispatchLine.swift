import AnlanWire

/// One line of a dispatch order: an item, how many were asked for, and how many arrived.
@WireMessage
public struct DispatchLine: Hashable, Codable, Sendable {
    @Field(1) public var itemCode: String = ""
    /// > 0
    @Field(2) public var quantity: Int64 = 0
    /// Set when the order is received.
    @Field(3) public var received: Int64 = 0
}
