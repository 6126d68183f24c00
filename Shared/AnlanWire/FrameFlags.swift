/// Per-frame flag bits (header byte 8). Bits not defined here are sent as zero and ignored on receipt.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The payload is a 4-byte big-endian uncompressed length followed by a zlib (RFC 1950) stream.
    public static let compressed = FrameFlags(rawValue: 0x01)
    /// On a REQUEST: the (uncompressed) payload starts with the caller's credential, a 2-byte big-endian
    /// length and that many bytes (a person's signed token), before the request message.
    public static let credential = FrameFlags(rawValue: 0x02)
}
