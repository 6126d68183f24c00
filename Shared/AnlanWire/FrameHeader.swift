import NIOCore

/// The fixed 24-byte header that starts every frame. All integers are big-endian.
///
/// ```
///  0               1               2               3
///  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
/// +---------------------------------------------------------------+
/// |                 length (bytes after this field)               |  0
/// +-------------------------------+---------------+---------------+
/// |        magic 0x414E "AN"      |    version    |     kind      |  4
/// +---------------+---------------+---------------+---------------+
/// |     flags     |    status     |           method id           |  8
/// +---------------+---------------+-------------------------------+
/// |                          request id                           | 12
/// +---------------------------------------------------------------+
/// |                  deadline budget (milliseconds)               | 16
/// +---------------------------------------------------------------+
/// |          CRC-32 of bytes 0..<20 followed by the payload       | 20
/// +---------------------------------------------------------------+
/// |                      payload (length − 20 bytes)             ...  24
/// ```
public struct FrameHeader: Hashable, Sendable {
    /// Bytes in the header, length prefix included.
    public static let size = 24
    /// Bytes in the header after the length prefix; `length` is this plus the payload size.
    public static let sizeAfterLength = 20
    /// "AN".
    public static let magic: UInt16 = 0x414E
    /// The only protocol version this build speaks.
    public static let currentVersion: UInt8 = 1

    public var version: UInt8
    public var kind: FrameKind
    public var flags: FrameFlags
    public var status: WireStatus
    public var method: UInt16
    public var requestID: UInt32
    /// Milliseconds the sender allows for the answer, counted from the frame's receipt; 0 means no deadline.
    /// Each hop passes on what is left, so no clocks need to agree.
    public var deadlineBudgetMilliseconds: UInt32

    public init(
        version: UInt8 = FrameHeader.currentVersion,
        kind: FrameKind,
        flags: FrameFlags = [],
        status: WireStatus = .ok,
        method: UInt16 = 0,
        requestID: UInt32 = 0,
        deadlineBudgetMilliseconds: UInt32 = 0
    ) {
        self.version = version
        self.kind = kind
        self.flags = flags
        self.status = status
        self.method = method
        self.requestID = requestID
        self.deadlineBudgetMilliseconds = deadlineBudgetMilliseconds
    }
}
