import AnlanRecords
import AnlanWire

/// One item's requirement against what is held. Summed over several regions, `shortfall` is the sum of
/// each region's own shortfall: one township's surplus does not cover another's gap.
public struct GapLine: WireMessage, Hashable, Codable {
    public var itemCode: String  // 1
    public var required: Int64   // 2
    /// Good, unexpired, unreserved units at the storage points the region's tier owns.
    public var held: Int64       // 3
    public var shortfall: Int64  // 4

    public init(itemCode: String = "", required: Int64 = 0, held: Int64 = 0, shortfall: Int64 = 0) {
        self.itemCode = itemCode
        self.required = required
        self.held = held
        self.shortfall = shortfall
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: itemCode = try reader.readString(field)
            case 2: required = try reader.readInt64(field)
            case 3: held = try reader.readInt64(field)
            case 4: shortfall = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: itemCode)
        writer.write(2, int: required)
        writer.write(3, int: held)
        writer.write(4, int: shortfall)
    }

    /// Adds `other`'s figures (same item) to these.
    public mutating func add(_ other: GapLine) {
        required.addSaturating(other.required)
        held.addSaturating(other.held)
        shortfall.addSaturating(other.shortfall)
    }
}
