import AnlanRecords
import AnlanWire

/// One stock line as reported: where, what, in what condition, until when, how many (and reserved).
@WireMessage
public struct StockLot: Hashable, Codable, Sendable {
    @Field(1) public var storagePointID: String = ""
    @Field(2) public var itemCode: String = ""
    @Field(3) public var status: StockStatus = .good
    @Field(4) public var expiresOn: CivilDay?
    @Field(5) public var quantity: Int64 = 0
    @Field(6) public var reserved: Int64 = 0
}
