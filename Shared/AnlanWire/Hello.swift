/// The HELLO payload: what each side of a connection speaks, accepts and is.
///
/// The client sends HELLO first and waits for the server's HELLO before any REQUEST. Each side then uses
/// the smaller of the two frame limits and compresses only if the peer accepts zlib. A client should keep
/// no more than the server's `maxConcurrentRequests` in flight: beyond it the server queues what it has
/// read and stops reading, so extra requests wait in TCP buffers.
public struct Hello: WireMessage, Hashable {
    /// Bit set of compression algorithms a peer accepts.
    public struct Compression: OptionSet, Hashable, Sendable {
        public var rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static let zlib = Compression(rawValue: 1)
    }

    public var minVersion: UInt8 = FrameHeader.currentVersion        // 1
    public var maxVersion: UInt8 = FrameHeader.currentVersion        // 2
    public var maxFrameSize: UInt32 = UInt32(WireLimits.defaults.maxFrameSize)  // 3
    public var maxConcurrentRequests: UInt32 = 0                      // 4 (0: no limit stated)
    public var compression: Compression = [.zlib]                     // 5
    public var compressionThreshold: UInt32 = 1024                    // 6
    public var nodeID: String = ""                                    // 7
    /// 1 province, 2 city, 3 county, 4 township; 0 when not stated (e.g. a probe).
    public var tier: UInt8 = 0                                        // 8
    public var regionCode: String = ""                                // 9
    public var service: String = ""                                   // 10
    public var softwareVersion: String = ""                           // 11

    public init() {}

    public init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() {
            switch field.number {
            case 1: minVersion = try reader.readUInt(field)
            case 2: maxVersion = try reader.readUInt(field)
            case 3: maxFrameSize = try reader.readUInt(field)
            case 4: maxConcurrentRequests = try reader.readUInt(field)
            case 5: compression = Compression(rawValue: try reader.readUInt64(field))
            case 6: compressionThreshold = try reader.readUInt(field)
            case 7: nodeID = try reader.readString(field)
            case 8: tier = try reader.readUInt(field)
            case 9: regionCode = try reader.readString(field)
            case 10: service = try reader.readString(field)
            case 11: softwareVersion = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: minVersion)
        writer.write(2, uint: maxVersion)
        writer.write(3, uint: maxFrameSize)
        if maxConcurrentRequests != 0 { writer.write(4, uint: maxConcurrentRequests) }
        writer.write(5, uint: compression.rawValue)
        writer.write(6, uint: compressionThreshold)
        if !nodeID.isEmpty { writer.write(7, string: nodeID) }
        if tier != 0 { writer.write(8, uint: tier) }
        if !regionCode.isEmpty { writer.write(9, string: regionCode) }
        if !service.isEmpty { writer.write(10, string: service) }
        if !softwareVersion.isEmpty { writer.write(11, string: softwareVersion) }
    }

    /// The highest version both sides speak, or nil when their ranges do not overlap.
    public func agreedVersion(with peer: Hello) -> UInt8? {
        let low = max(minVersion, peer.minVersion)
        let high = min(maxVersion, peer.maxVersion)
        return low <= high ? high : nil
    }
}
