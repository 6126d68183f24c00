import AnlanRecords
import AnlanWire

/// Asks for a region's roll-up statistics.
public struct StatisticsRequest: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String   // 1
    /// Only records coded to exactly this region, not its subtree (so a parent = own + children).
    public var exactRegion: Bool    // 2
    /// The day overdue and on-time are judged on; absent means today at the node.
    public var asOf: CivilDay?      // 3

    public init(regionCode: String = "", exactRegion: Bool = false, asOf: CivilDay? = nil) {
        self.regionCode = regionCode
        self.exactRegion = exactRegion
        self.asOf = asOf
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: exactRegion = try reader.readBool(field)
            case 3: asOf = try reader.readDay(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        if exactRegion { writer.write(2, bool: true) }
        writer.write(3, day: asOf)
    }
}
