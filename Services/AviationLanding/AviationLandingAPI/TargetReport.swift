import AnlanRecords
import AnlanWire

/// The construction target of a region and of each of its children.
public struct TargetReport: WireMessage, Hashable, Codable {
    public var year: UInt32  // 1
    /// The province's target for the year (default 80).
    public var annualTarget: Int64  // 2
    public var region: RegionTarget  // 3
    public var children: [RegionTarget]  // 4 (repeated)

    public init(year: UInt32 = 0, annualTarget: Int64 = 0, region: RegionTarget = RegionTarget(), children: [RegionTarget] = []) {
        self.year = year
        self.annualTarget = annualTarget
        self.region = region
        self.children = children
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: year = try reader.readUInt(field)
            case 2: annualTarget = try reader.readInt64(field)
            case 3: region = try reader.readMessage(field)
            case 4: children.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: year)
        writer.write(2, int: annualTarget)
        writer.write(3, message: region)
        writer.write(4, messages: children)
    }
}
