import AnlanRecords
import AnlanWire

/// Asks for the landing-point coverage (or the statistics) of a region subtree.
public struct CoverageRequest: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// A township is covered with a usable point within this distance; 0: the node's default (15 km).
    public var withinKilometres: Double  // 2
    /// For statistics: the construction year counted; 0: this year.
    public var year: UInt32  // 3

    public init(regionCode: String = "", withinKilometres: Double = 0, year: UInt32 = 0) {
        self.regionCode = regionCode
        self.withinKilometres = withinKilometres
        self.year = year
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: withinKilometres = try reader.readDouble(field)
            case 3: year = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, double: withinKilometres)
        writer.write(3, uint: year)
    }
}
