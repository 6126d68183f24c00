import AnlanWire

/// Asks which good stock in a region subtree expires within some days (already expired included).
@WireMessage
public struct ExpiryRequest: Hashable, Codable, Sendable {
    /// "" = the node's region
    @Field(1) public var regionCode: String = ""
    /// Days from today (0: the default, 30).
    @Field(2) public var withinDays: UInt32 = 0
}
