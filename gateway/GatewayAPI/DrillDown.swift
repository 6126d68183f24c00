import AnlanWire

/// A region's summary and its children's, side by side.
public struct DrillDown: WireMessage, Hashable, Codable {
    public var region: RegionSummary        // 1
    /// One per child region, in code order.
    public var children: [RegionSummary]    // 2 (repeated)

    public init(region: RegionSummary = RegionSummary(), children: [RegionSummary] = []) {
        self.region = region
        self.children = children
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: region = try reader.readMessage(field)
            case 2: children.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: region)
        writer.write(2, messages: children)
    }
}
