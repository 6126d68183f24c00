import AnlanWire

/// Units held, by condition, and how many of the good ones are reserved for approved orders.
@WireMessage
public struct StockTotals: Hashable, Codable, Sendable {
    @Field(1) public var good: Int64 = 0
    @Field(2) public var damaged: Int64 = 0
    @Field(3) public var expired: Int64 = 0
    @Field(4) public var reserved: Int64 = 0
}
