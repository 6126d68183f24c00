import AnlanRecords
import AnlanWire

/// Units of one stock lot reserved for (then issued to) a dispatch order.
public struct Allocation: WireMessage, Hashable, Codable {
    public var storagePointID: String  // 1
    public var itemCode: String        // 2
    public var expiresOn: CivilDay?    // 3
    public var quantity: Int64         // 4

    public init(storagePointID: String = "", itemCode: String = "", expiresOn: CivilDay? = nil, quantity: Int64 = 0) {
        self.storagePointID = storagePointID
        self.itemCode = itemCode
        self.expiresOn = expiresOn
        self.quantity = quantity
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: storagePointID = try reader.readString(field)
            case 2: itemCode = try reader.readString(field)
            case 3: expiresOn = try reader.readDay(field)
            case 4: quantity = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: storagePointID)
        writer.write(2, string: itemCode)
        writer.write(3, day: expiresOn)
        writer.write(4, int: quantity)
    }
}
