import AnlanRecords
import AnlanWire

/// An item of the reserve catalogue, by its GB/T 38565 code.
public struct CatalogueItem: WireMessage, Hashable, Codable {
    public var code: String            // 1: 7 digits
    public var name: String            // 2
    public var unit: String            // 3: e.g. 件, 台, 顶
    /// Shelf life in months (0: does not expire).
    public var shelfLifeMonths: UInt32 // 4

    public init(code: String = "", name: String = "", unit: String = "", shelfLifeMonths: UInt32 = 0) {
        self.code = code
        self.name = name
        self.unit = unit
        self.shelfLifeMonths = shelfLifeMonths
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: code = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: unit = try reader.readString(field)
            case 4: shelfLifeMonths = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: code)
        writer.write(2, string: name)
        writer.write(3, string: unit)
        writer.write(4, uint: shelfLifeMonths)
    }
}
