import AnlanRecords
import AnlanWire

/// A reserve norm: the least quantity of an item each region of `tier` must hold when its risk level
/// is `riskLevel`, counted per `basis`. Putting a norm with quantity 0 removes it.
public struct ReserveNorm: WireMessage, Hashable, Codable {
    /// 1 province … 4 township (absent: 0, refused).
    public var tier: UInt8            // 1
    public var riskLevel: RiskLevel   // 2
    public var itemCode: String       // 3
    public var basis: NormBasis       // 4
    public var quantity: Int64        // 5

    public init(tier: UInt8 = 0, riskLevel: RiskLevel = .medium, itemCode: String = "", basis: NormBasis = .perRegion, quantity: Int64 = 0) {
        self.tier = tier
        self.riskLevel = riskLevel
        self.itemCode = itemCode
        self.basis = basis
        self.quantity = quantity
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: tier = try reader.readUInt(field)
            case 2: riskLevel = try reader.readEnum(field)
            case 3: itemCode = try reader.readString(field)
            case 4: basis = try reader.readEnum(field)
            case 5: quantity = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: tier)
        writer.write(2, enum: riskLevel)
        writer.write(3, string: itemCode)
        writer.write(4, enum: basis)
        writer.write(5, int: quantity)
    }
}
