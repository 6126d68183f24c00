import AnlanRecords
import AnlanWire

/// Units of one stock lot reserved for (then issued to) a dispatch order.
@WireMessage
public struct Allocation: Hashable, Codable, Sendable {
    @Field(1) public var storagePointID: String = ""
    @Field(2) public var itemCode: String = ""
    @Field(3) public var expiresOn: CivilDay?
    @Field(4) public var quantity: Int64 = 0
}
