import AnlanRecords
import AnlanWire

/// A region's reserve gaps: its own tier's norms against its own tier's holdings, and the same summed
/// over its whole subtree (itself and every region below it).
public struct RegionGap: WireMessage, Hashable, Codable {
    public var regionCode: String      // 1
    public var riskLevel: RiskLevel    // 2
    /// Lines of this region's own norms, by item.
    public var own: [GapLine]          // 3 (repeated)
    /// Lines summed over the subtree, by item.
    public var subtree: [GapLine]      // 4 (repeated)
    /// Regions of the subtree that have at least one norm line.
    public var assessedRegions: Int64  // 5
    /// Regions of the subtree short of at least one item.
    public var shortRegions: Int64     // 6

    public init(regionCode: String = "", riskLevel: RiskLevel = .medium, own: [GapLine] = [], subtree: [GapLine] = [],
                assessedRegions: Int64 = 0, shortRegions: Int64 = 0) {
        self.regionCode = regionCode
        self.riskLevel = riskLevel
        self.own = own
        self.subtree = subtree
        self.assessedRegions = assessedRegions
        self.shortRegions = shortRegions
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: riskLevel = try reader.readEnum(field)
            case 3: own.append(try reader.readMessage(field))
            case 4: subtree.append(try reader.readMessage(field))
            case 5: assessedRegions = try reader.readInt64(field)
            case 6: shortRegions = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, enum: riskLevel)
        writer.write(3, messages: own)
        writer.write(4, messages: subtree)
        writer.write(5, int: assessedRegions)
        writer.write(6, int: shortRegions)
    }
}
