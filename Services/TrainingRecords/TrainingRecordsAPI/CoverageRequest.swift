import AnlanRecords
import AnlanWire

/// Asks for training coverage (or statistics) of a region subtree in a year.
public struct CoverageRequest: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// Absent: every role.
    public var role: PersonRole?  // 2
    /// 0: this year.
    public var year: UInt32  // 3
    /// For statistics: coverage lines only, no rule counts (which read the people themselves; a
    /// gateway's summary, asked every second, wants only what the tallies give).
    public var coverageOnly: Bool  // 4

    public init(regionCode: String = "", role: PersonRole? = nil, year: UInt32 = 0, coverageOnly: Bool = false) {
        self.regionCode = regionCode
        self.role = role
        self.year = year
        self.coverageOnly = coverageOnly
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: role = try reader.readEnum(field)
            case 3: year = try reader.readUInt(field)
            case 4: coverageOnly = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        if let role { writer.write(2, enum: role) }
        writer.write(3, uint: year)
        if coverageOnly { writer.write(4, bool: true) }
    }
}
