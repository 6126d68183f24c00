import AnlanRecords
import AnlanWire

/// Filters and a page position for `list` of hazard points, enterprises or hidden hazards.
///
/// Empty filters match everything. Which filters apply to which list:
/// points — types, bands; enterprises — grades, sectors, majorOnly (major hazard sources);
/// hidden hazards — states, overdueOnly, majorOnly (major hazards), listedOnly, enterpriseID.
/// A filter given to a list it does not apply to is rejected, never silently ignored.
/// Results are ordered by region code, then id.
public struct HazardQuery: WireMessage, Hashable, Codable {
    /// The subtree to list; "" means the node's own region.
    public var regionCode: String               // 1
    public var types: [HazardType]              // 2 (repeated)
    public var bands: [UInt8]                   // 3 (repeated)
    public var grades: [RiskGrade]              // 4 (repeated)
    public var sectors: [IndustrySector]        // 5 (repeated)
    public var states: [HiddenHazardState]      // 6 (repeated)
    public var overdueOnly: Bool                // 7
    public var majorOnly: Bool                  // 8
    public var listedOnly: Bool                 // 9
    public var enterpriseID: String             // 10
    /// The `nextCursor` of the previous page; "" for the first page.
    public var cursor: String                   // 11
    /// Records per page: 1…1000, 0 means 100.
    public var limit: UInt32                    // 12
    /// The day "overdue" is judged on; absent means today at the node.
    public var asOf: CivilDay?                  // 13

    public init(regionCode: String = "", types: [HazardType] = [], bands: [UInt8] = [], grades: [RiskGrade] = [],
                sectors: [IndustrySector] = [], states: [HiddenHazardState] = [], overdueOnly: Bool = false,
                majorOnly: Bool = false, listedOnly: Bool = false, enterpriseID: String = "", cursor: String = "",
                limit: UInt32 = 0, asOf: CivilDay? = nil) {
        self.regionCode = regionCode
        self.types = types
        self.bands = bands
        self.grades = grades
        self.sectors = sectors
        self.states = states
        self.overdueOnly = overdueOnly
        self.majorOnly = majorOnly
        self.listedOnly = listedOnly
        self.enterpriseID = enterpriseID
        self.cursor = cursor
        self.limit = limit
        self.asOf = asOf
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: types.append(try reader.readEnum(field))
            case 3: bands.append(try reader.readUInt(field))
            case 4: grades.append(try reader.readEnum(field))
            case 5: sectors.append(try reader.readEnum(field))
            case 6: states.append(try reader.readEnum(field))
            case 7: overdueOnly = try reader.readBool(field)
            case 8: majorOnly = try reader.readBool(field)
            case 9: listedOnly = try reader.readBool(field)
            case 10: enterpriseID = try reader.readString(field)
            case 11: cursor = try reader.readString(field)
            case 12: limit = try reader.readUInt(field)
            case 13: asOf = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, enums: types)
        for band in bands { writer.write(3, uint: band) }
        writer.write(4, enums: grades)
        writer.write(5, enums: sectors)
        writer.write(6, enums: states)
        if overdueOnly { writer.write(7, bool: true) }
        if majorOnly { writer.write(8, bool: true) }
        if listedOnly { writer.write(9, bool: true) }
        if !enterpriseID.isEmpty { writer.write(10, string: enterpriseID) }
        if !cursor.isEmpty { writer.write(11, string: cursor) }
        if limit != 0 { writer.write(12, uint: limit) }
        writer.write(13, day: asOf)
    }
}
