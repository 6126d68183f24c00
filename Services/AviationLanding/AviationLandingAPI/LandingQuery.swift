import AnlanRecords
import AnlanWire

/// Asks for a page of the landing points in a region subtree, ordered by region code then id.
/// Empty filters match everything.
public struct LandingQuery: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// The `nextCursor` of the previous page; "" for the first page.
    public var cursor: String  // 2
    /// Points per page: 1…1000, 0 means 100.
    public var limit: UInt32  // 3
    public var kinds: [LandingPointKind]  // 4 (repeated)
    public var statuses: [LandingPointStatus]  // 5 (repeated)
    public var nonCompliantOnly: Bool  // 6
    /// Only points never inspected, or last inspected longer ago than the node's interval.
    public var inspectionDueOnly: Bool  // 7
    /// The day "due" is judged on; absent means today at the node.
    public var asOf: CivilDay?  // 8

    public init(regionCode: String = "", cursor: String = "", limit: UInt32 = 0, kinds: [LandingPointKind] = [],
                statuses: [LandingPointStatus] = [], nonCompliantOnly: Bool = false, inspectionDueOnly: Bool = false,
                asOf: CivilDay? = nil) {
        self.regionCode = regionCode
        self.cursor = cursor
        self.limit = limit
        self.kinds = kinds
        self.statuses = statuses
        self.nonCompliantOnly = nonCompliantOnly
        self.inspectionDueOnly = inspectionDueOnly
        self.asOf = asOf
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: cursor = try reader.readString(field)
            case 3: limit = try reader.readUInt(field)
            case 4: kinds.append(try reader.readEnum(field))
            case 5: statuses.append(try reader.readEnum(field))
            case 6: nonCompliantOnly = try reader.readBool(field)
            case 7: inspectionDueOnly = try reader.readBool(field)
            case 8: asOf = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, string: cursor)
        writer.write(3, uint: limit)
        writer.write(4, enums: kinds)
        writer.write(5, enums: statuses)
        if nonCompliantOnly { writer.write(6, bool: true) }
        if inspectionDueOnly { writer.write(7, bool: true) }
        writer.write(8, day: asOf)
    }
}
