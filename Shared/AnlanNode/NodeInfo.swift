import AnlanWire

/// What `node.info` says about a running node.
public struct NodeInfo: WireMessage, Hashable, Codable {
    public var service = ""            // 1
    public var nodeID = ""             // 2
    public var regionCode = ""         // 3
    public var regionName = ""         // 4
    public var tier: UInt8 = 0         // 5
    public var softwareVersion = ""    // 6
    public var protocolVersion: UInt8 = FrameHeader.currentVersion  // 7
    public var uptimeMilliseconds: UInt64 = 0  // 8
    public var requestsServed: UInt64 = 0      // 9
    public var openConnections: UInt64 = 0     // 10
    public var counts: [NodeCount] = []        // 11 (repeated)

    public init() {}

    public init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() {
            switch field.number {
            case 1: service = try reader.readString(field)
            case 2: nodeID = try reader.readString(field)
            case 3: regionCode = try reader.readString(field)
            case 4: regionName = try reader.readString(field)
            case 5: tier = try reader.readUInt(field)
            case 6: softwareVersion = try reader.readString(field)
            case 7: protocolVersion = try reader.readUInt(field)
            case 8: uptimeMilliseconds = try reader.readUInt64(field)
            case 9: requestsServed = try reader.readUInt64(field)
            case 10: openConnections = try reader.readUInt64(field)
            case 11: counts.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: service)
        writer.write(2, string: nodeID)
        writer.write(3, string: regionCode)
        writer.write(4, string: regionName)
        writer.write(5, uint: tier)
        writer.write(6, string: softwareVersion)
        writer.write(7, uint: protocolVersion)
        writer.write(8, uint: uptimeMilliseconds)
        writer.write(9, uint: requestsServed)
        writer.write(10, uint: openConnections)
        writer.write(11, messages: counts)
    }
}
