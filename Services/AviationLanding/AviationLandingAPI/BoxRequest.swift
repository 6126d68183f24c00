import AnlanRecords
import AnlanWire

/// Asks for every landing point inside a latitude/longitude box (any status), nearest its centre first.
public struct BoxRequest: WireMessage, Hashable, Codable {
    public var south: Double  // 1
    public var west: Double  // 2
    public var north: Double  // 3
    public var east: Double  // 4
    /// 1…10000; 0 means 1000.
    public var limit: UInt32  // 5

    public init(south: Double = 0, west: Double = 0, north: Double = 0, east: Double = 0, limit: UInt32 = 0) {
        self.south = south
        self.west = west
        self.north = north
        self.east = east
        self.limit = limit
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: south = try reader.readDouble(field)
            case 2: west = try reader.readDouble(field)
            case 3: north = try reader.readDouble(field)
            case 4: east = try reader.readDouble(field)
            case 5: limit = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, double: south)
        writer.write(2, double: west)
        writer.write(3, double: north)
        writer.write(4, double: east)
        writer.write(5, uint: limit)
    }
}
