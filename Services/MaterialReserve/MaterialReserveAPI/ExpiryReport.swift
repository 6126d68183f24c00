import AnlanRecords
import AnlanWire

/// Good stock expiring by a day, first expiring first.
public struct ExpiryReport: WireMessage, Hashable, Codable {
    /// The last day counted.
    public var through: CivilDay?  // 1
    public var lots: [StockLot]    // 2 (repeated)

    public init(through: CivilDay? = nil, lots: [StockLot] = []) {
        self.through = through
        self.lots = lots
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: through = try reader.readDay(field)
            case 2: lots.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, day: through)
        writer.write(2, messages: lots)
    }
}
