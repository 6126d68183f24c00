import AnlanRecords
import AnlanWire

/// Training coverage of a region subtree in a year, one line per role (and level).
public struct CoverageReport: WireMessage, Hashable, Codable {
    public var regionCode: String  // 1
    public var year: UInt32  // 2
    public var lines: [CoverageLine]  // 3 (repeated)

    public init(regionCode: String = "", year: UInt32 = 0, lines: [CoverageLine] = []) {
        self.regionCode = regionCode
        self.year = year
        self.lines = lines
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: year = try reader.readUInt(field)
            case 3: lines.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, uint: year)
        writer.write(3, messages: lines)
    }
}
