/// The HELLO payload: what each side of a connection speaks, accepts and is.
///
/// The client sends HELLO first and waits for the server's HELLO before any REQUEST. Each side then uses
/// the smaller of the two frame limits and compresses only if the peer accepts zlib. A client should keep
/// no more than the server's `maxConcurrentRequests` in flight: beyond it the server queues what it has
/// read and stops reading, so extra requests wait in TCP buffers.
@WireMessage
public struct Hello: Hashable, Sendable {
    /// Bit set of compression algorithms a peer accepts.
    public struct Compression: OptionSet, Hashable, Sendable, WireValue {
        public var rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static let zlib = Compression(rawValue: 1)

        /// Bit 0: zlib.
        public static var wireSchemaType: WireSchemaType { .scalar("uint64") }
        public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Compression {
            Compression(rawValue: try reader.readUInt64(field))
        }
        public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, uint: rawValue) }
    }

    @Field(1) public var minVersion: UInt8 = FrameHeader.currentVersion
    @Field(2) public var maxVersion: UInt8 = FrameHeader.currentVersion
    @Field(3) public var maxFrameSize: UInt32 = UInt32(WireLimits.defaults.maxFrameSize)
    /// 0: no limit stated
    @Field(4, .omitDefault) public var maxConcurrentRequests: UInt32 = 0
    @Field(5) public var compression: Compression = [.zlib]
    @Field(6) public var compressionThreshold: UInt32 = 1024
    @Field(7, .omitDefault) public var nodeID: String = ""
    /// 1 province, 2 city, 3 county, 4 township; 0 when not stated (e.g. a probe).
    @Field(8, .omitDefault) public var tier: UInt8 = 0
    @Field(9, .omitDefault) public var regionCode: String = ""
    @Field(10, .omitDefault) public var service: String = ""
    @Field(11, .omitDefault) public var softwareVersion: String = ""

    /// The highest version both sides speak, or nil when their ranges do not overlap.
    public func agreedVersion(with peer: Hello) -> UInt8? {
        let low = max(minVersion, peer.minVersion)
        let high = min(maxVersion, peer.maxVersion)
        return low <= high ? high : nil
    }
}
