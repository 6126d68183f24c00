import AnlanRecords
import AnlanWire

/// Each township of a region subtree and its nearest usable landing point.
public struct CoverageReport: WireMessage, Hashable, Codable {
    public var withinKilometres: Double  // 1
    /// By region code.
    public var townships: [TownshipCoverage]  // 2 (repeated)
    /// Townships with a usable point within `withinKilometres` …
    public var covered: Int64  // 3
    /// … of this many.
    public var total: Int64  // 4

    public init(withinKilometres: Double = 0, townships: [TownshipCoverage] = [], covered: Int64 = 0, total: Int64 = 0) {
        self.withinKilometres = withinKilometres
        self.townships = townships
        self.covered = covered
        self.total = total
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: withinKilometres = try reader.readDouble(field)
            case 2: townships.append(try reader.readMessage(field))
            case 3: covered = try reader.readInt64(field)
            case 4: total = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, double: withinKilometres)
        writer.write(2, messages: townships)
        writer.write(3, int: covered)
        writer.write(4, int: total)
    }
}
