import AnlanWire

/// What a node tells the registry about one service it runs: which service, for which region, where.
public struct Registration: WireMessage, Hashable, Codable {
    /// Unique per running service instance, e.g. `330106-material-reserve`; re-registering replaces it.
    public var instanceID: String          // 1
    public var service: String             // 2
    /// The region the instance serves: its data covers this region's subtree.
    public var regionCode: String          // 3
    /// 1 province, 2 city, 3 county, 4 township.
    public var tier: UInt8                 // 4
    public var host: String                // 5
    public var port: UInt16                // 6
    public var protocolVersion: UInt8      // 7
    public var metadata: [MetadataEntry]   // 8 (repeated)

    public init(instanceID: String, service: String, regionCode: String, tier: UInt8, host: String, port: UInt16,
                protocolVersion: UInt8 = FrameHeader.currentVersion, metadata: [MetadataEntry] = []) {
        self.instanceID = instanceID
        self.service = service
        self.regionCode = regionCode
        self.tier = tier
        self.host = host
        self.port = port
        self.protocolVersion = protocolVersion
        self.metadata = metadata
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(instanceID: "", service: "", regionCode: "", tier: 0, host: "", port: 0, protocolVersion: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: instanceID = try reader.readString(field)
            case 2: service = try reader.readString(field)
            case 3: regionCode = try reader.readString(field)
            case 4: tier = try reader.readUInt(field)
            case 5: host = try reader.readString(field)
            case 6: port = try reader.readUInt(field)
            case 7: protocolVersion = try reader.readUInt(field)
            case 8: metadata.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: instanceID)
        writer.write(2, string: service)
        writer.write(3, string: regionCode)
        writer.write(4, uint: tier)
        writer.write(5, string: host)
        writer.write(6, uint: port)
        writer.write(7, uint: protocolVersion)
        writer.write(8, messages: metadata)
    }

    /// `host:port`.
    public var address: String { "\(host):\(port)" }
}
