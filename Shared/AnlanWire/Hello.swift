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

    /// Lowest protocol version the sender speaks (absent: 1).
    @Field(1) public var minVersion: UInt8 = FrameHeader.currentVersion
    /// Highest protocol version the sender speaks (absent: 1).
    @Field(2) public var maxVersion: UInt8 = FrameHeader.currentVersion
    /// Largest frame, header included, that the sender accepts (absent: 4,194,304); at least
    /// `minimumMaxFrameSize` — a HELLO announcing less is refused.
    @Field(3) public var maxFrameSize: UInt32 = UInt32(WireLimits.defaults.maxFrameSize)

    /// The least `maxFrameSize` a HELLO may announce (1,024): room for any ERROR, HELLO or GOAWAY, so a
    /// side never has to send a frame larger than its peer announced.
    public static let minimumMaxFrameSize: UInt32 = 1024
    /// Server: requests it runs at once on one connection before it stops reading. Clients leave it
    /// absent (0: not stated).
    @Field(4, .omitDefault) public var maxConcurrentRequests: UInt32 = 0
    /// Algorithms the sender can inflate, a bit set: bit 0 (value 1) is zlib; other bits reserved
    /// (ignore). Send 0 if you cannot inflate (absent: 1).
    @Field(5) public var compression: Compression = [.zlib]
    /// The sender compresses payloads of at least this many bytes when the receiver accepts zlib; the
    /// value it actually uses. Receivers need not act on it (absent: 1,024).
    @Field(6) public var compressionThreshold: UInt32 = 1024
    /// The sender's node id, for logs.
    @Field(7, .omitDefault) public var nodeID: String = ""
    /// 1 province, 2 city, 3 county, 4 township; 0 when not stated (tools and probes).
    @Field(8, .omitDefault) public var tier: UInt8 = 0
    /// The administrative division the node serves, as its code, e.g. `330000` (Zhejiang).
    @Field(9, .omitDefault) public var regionCode: String = ""
    /// The kind of service, e.g. `registry`, `gateway`, or a tool's name.
    @Field(10, .omitDefault) public var service: String = ""
    /// Free text.
    @Field(11, .omitDefault) public var softwareVersion: String = ""

    /// The highest version both sides speak, or nil when their ranges do not overlap.
    public func agreedVersion(with peer: Hello) -> UInt8? {
        let low = max(minVersion, peer.minVersion)
        let high = min(maxVersion, peer.maxVersion)
        return low <= high ? high : nil
    }
}
