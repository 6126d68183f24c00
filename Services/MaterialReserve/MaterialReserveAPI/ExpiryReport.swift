import AnlanRecords
import AnlanWire

/// Good stock expiring by a day, first expiring first.
@WireMessage
public struct ExpiryReport: Hashable, Codable, Sendable {
    /// The last day counted.
    @Field(1) public var through: CivilDay?
    @Field(2) public var lots: [StockLot] = []
}
