import AnlanWire

/// Units held, by condition, and how many of the good ones are reserved for approved orders.
public struct StockTotals: WireMessage, Hashable, Codable {
    public var good: Int64      // 1
    public var damaged: Int64   // 2
    public var expired: Int64   // 3
    public var reserved: Int64  // 4

    public init(good: Int64 = 0, damaged: Int64 = 0, expired: Int64 = 0, reserved: Int64 = 0) {
        self.good = good
        self.damaged = damaged
        self.expired = expired
        self.reserved = reserved
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: good = try reader.readInt64(field)
            case 2: damaged = try reader.readInt64(field)
            case 3: expired = try reader.readInt64(field)
            case 4: reserved = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, int: good)
        writer.write(2, int: damaged)
        writer.write(3, int: expired)
        writer.write(4, int: reserved)
    }
}
