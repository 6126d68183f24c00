import AnlanRecords
import AnlanWire

/// The gap report of a region: its own and subtree figures, then each child's, so a reader can drill
/// down one tier at a time.
public struct GapReport: WireMessage, Hashable, Codable {
    /// The day stock was judged unexpired on.
    public var asOf: CivilDay?        // 1
    public var region: RegionGap      // 2
    /// The region's children, by region code.
    public var children: [RegionGap]  // 3 (repeated)

    public init(asOf: CivilDay? = nil, region: RegionGap = RegionGap(), children: [RegionGap] = []) {
        self.asOf = asOf
        self.region = region
        self.children = children
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: asOf = try reader.readDay(field)
            case 2: region = try reader.readMessage(field)
            case 3: children.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, day: asOf)
        writer.write(2, message: region)
        writer.write(3, messages: children)
    }
}
