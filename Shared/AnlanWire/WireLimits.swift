/// Limits checked before allocating, so that a bogus length or a zip bomb costs the receiver almost nothing.
public struct WireLimits: Sendable, Hashable {
    /// Largest frame, header included (default 4 MiB). Checked against the length prefix before buffering.
    public var maxFrameSize: Int
    /// Largest payload after inflation (default: `maxFrameSize - 24`).
    public var maxInflatedPayloadSize: Int
    /// Largest inflation ratio, uncompressed to compressed (default 200).
    public var maxInflationRatio: Int
    /// Most fields (list elements included) decoded from one payload, all nesting levels together.
    public var maxFieldCount: Int
    /// Deepest nesting of messages in a payload.
    public var maxDepth: Int

    public init(
        maxFrameSize: Int = 4 * 1024 * 1024,
        maxInflatedPayloadSize: Int? = nil,
        maxInflationRatio: Int = 200,
        maxFieldCount: Int = 1 << 20,
        maxDepth: Int = 32
    ) {
        precondition(maxFrameSize >= FrameHeader.size && maxFrameSize <= Int(UInt32.max))
        self.maxFrameSize = maxFrameSize
        self.maxInflatedPayloadSize = maxInflatedPayloadSize ?? (maxFrameSize - FrameHeader.size)
        self.maxInflationRatio = maxInflationRatio
        self.maxFieldCount = maxFieldCount
        self.maxDepth = maxDepth
    }

    /// The defaults every node starts from before HELLO negotiation.
    public static var defaults: WireLimits { WireLimits() }

    /// Largest payload that fits in one frame.
    public var maxPayloadSize: Int { maxFrameSize - FrameHeader.size }
}
