import AnlanWire

/// Asks for a page of the storage points in a region subtree, ordered by region code then id.
public struct PointQuery: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    /// The `nextCursor` of the previous page; "" for the first page.
    public var cursor: String      // 2
    /// Points per page: 1…1000, 0 means 100.
    public var limit: UInt32       // 3

    public init(regionCode: String = "", cursor: String = "", limit: UInt32 = 0) {
        self.regionCode = regionCode
        self.cursor = cursor
        self.limit = limit
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: cursor = try reader.readString(field)
            case 3: limit = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, string: cursor)
        writer.write(3, uint: limit)
    }
}
