import AnlanRecords
import AnlanWire

/// Asks for certificates expiring, or due for review, within some days.
public struct ExpiringRequest: WireMessage, Hashable, Codable {
    public var regionCode: String  // 1
    /// 0: 90. The usual steps are 90, 60, 30 and 7.
    public var withinDays: UInt32  // 2
    /// Absent: today.
    public var asOf: CivilDay?  // 3

    public init(regionCode: String = "", withinDays: UInt32 = 0, asOf: CivilDay? = nil) {
        self.regionCode = regionCode
        self.withinDays = withinDays
        self.asOf = asOf
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: withinDays = try reader.readUInt(field)
            case 3: asOf = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, uint: withinDays)
        writer.write(3, day: asOf)
    }
}
