import AnlanWire

/// One line of a dispatch order: an item, how many were asked for, and how many arrived.
public struct DispatchLine: WireMessage, Hashable, Codable {
    public var itemCode: String   // 1
    public var quantity: Int64    // 2
    /// Set when the order is received.
    public var received: Int64    // 3

    public init(itemCode: String = "", quantity: Int64 = 0, received: Int64 = 0) {
        self.itemCode = itemCode
        self.quantity = quantity
        self.received = received
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: itemCode = try reader.readString(field)
            case 2: quantity = try reader.readInt64(field)
            case 3: received = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: itemCode)
        writer.write(2, int: quantity)
        writer.write(3, int: received)
    }
}
