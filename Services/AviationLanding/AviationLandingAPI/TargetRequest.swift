import AnlanRecords
import AnlanWire

/// Asks for landing points built in a year against the construction target.
public struct TargetRequest: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// 0: this year.
    public var year: UInt32  // 2

    public init(regionCode: String = "", year: UInt32 = 0) {
        self.regionCode = regionCode
        self.year = year
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: year = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, uint: year)
    }
}
