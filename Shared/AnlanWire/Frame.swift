import NIOCore

/// One frame as it travels: the header fields and the payload bytes as sent (still compressed when
/// `header.flags` contains `.compressed`; `PayloadCompression` inflates them within the limits).
public struct Frame: Hashable, Sendable {
    public var header: FrameHeader
    public var payload: ByteBuffer

    public init(header: FrameHeader, payload: ByteBuffer) {
        self.header = header
        self.payload = payload
    }

    public init(_ kind: FrameKind, requestID: UInt32 = 0, method: UInt16 = 0, status: WireStatus = .ok,
                deadlineBudgetMilliseconds: UInt32 = 0, flags: FrameFlags = [], payload: ByteBuffer = ByteBuffer()) {
        self.header = FrameHeader(kind: kind, flags: flags, status: status, method: method, requestID: requestID,
                                  deadlineBudgetMilliseconds: deadlineBudgetMilliseconds)
        self.payload = payload
    }

    public var kind: FrameKind { header.kind }
    public var requestID: UInt32 { header.requestID }
}
