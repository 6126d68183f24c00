import AnlanRecords
import AnlanWire

/// A region's points built in the year against its share of the province's target.
public struct RegionTarget: WireMessage, Hashable, Codable {
    public var regionCode: String  // 1
    public var built: Int64  // 2
    /// The province's annual target × the region's share of the province's townships.
    public var target: Double  // 3

    public init(regionCode: String = "", built: Int64 = 0, target: Double = 0) {
        self.regionCode = regionCode
        self.built = built
        self.target = target
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: built = try reader.readInt64(field)
            case 3: target = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, int: built)
        writer.write(3, double: target)
    }
}
