import AnlanRecords
import AnlanWire

/// One stock line as reported: where, what, in what condition, until when, how many (and reserved).
public struct StockLot: WireMessage, Hashable, Codable {
    public var storagePointID: String  // 1
    public var itemCode: String        // 2
    public var status: StockStatus     // 3
    public var expiresOn: CivilDay?    // 4
    public var quantity: Int64         // 5
    public var reserved: Int64         // 6

    public init(storagePointID: String = "", itemCode: String = "", status: StockStatus = .good, expiresOn: CivilDay? = nil,
                quantity: Int64 = 0, reserved: Int64 = 0) {
        self.storagePointID = storagePointID
        self.itemCode = itemCode
        self.status = status
        self.expiresOn = expiresOn
        self.quantity = quantity
        self.reserved = reserved
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: storagePointID = try reader.readString(field)
            case 2: itemCode = try reader.readString(field)
            case 3: status = try reader.readEnum(field)
            case 4: expiresOn = try reader.readDay(field)
            case 5: quantity = try reader.readInt64(field)
            case 6: reserved = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: storagePointID)
        writer.write(2, string: itemCode)
        writer.write(3, enum: status)
        writer.write(4, day: expiresOn)
        writer.write(5, int: quantity)
        writer.write(6, int: reserved)
    }
}
