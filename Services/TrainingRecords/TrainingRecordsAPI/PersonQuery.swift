import AnlanRecords
import AnlanWire

/// Asks for a page of the people in a region subtree, by region code then id.
public struct PersonQuery: WireMessage, Hashable, Codable {
    /// "" means the node's own region.
    public var regionCode: String  // 1
    public var role: PersonRole?  // 2
    public var cursor: String  // 3
    /// 1…1000; 0 means 100.
    public var limit: UInt32  // 4

    public init(regionCode: String = "", role: PersonRole? = nil, cursor: String = "", limit: UInt32 = 0) {
        self.regionCode = regionCode
        self.role = role
        self.cursor = cursor
        self.limit = limit
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: role = try reader.readEnum(field)
            case 3: cursor = try reader.readString(field)
            case 4: limit = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        if let role { writer.write(2, enum: role) }
        writer.write(3, string: cursor)
        writer.write(4, uint: limit)
    }
}
