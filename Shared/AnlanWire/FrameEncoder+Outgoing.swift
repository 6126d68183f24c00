import NIOCore

extension FrameEncoder {
    /// Turns a frame-ready buffer (a reserved header, then the payload: see `reserveHeader`) into the frame
    /// to send: the payload is compressed when `compression` is given, the payload reaches its threshold and
    /// compressing shrinks it; the header and CRC are then completed in place.
    ///
    /// Returns nil when the uncompressed payload would not fit `maxFrameSize` (the receiver's inflation cap
    /// is the same limit), so the caller can answer with an error instead of sending a frame the peer rejects.
    public static func outgoing(
        _ kind: FrameKind, requestID: UInt32, method: UInt16 = 0, deadlineBudgetMilliseconds: UInt32 = 0,
        flags extraFlags: FrameFlags = [], _ framed: ByteBuffer, maxFrameSize: Int, compression: PayloadCompression?, allocator: ByteBufferAllocator
    ) -> ByteBuffer? {
        let payloadSize = framed.readableBytes - FrameHeader.size
        guard payloadSize >= 0, payloadSize <= maxFrameSize - FrameHeader.size else { return nil }
        var frame = framed
        var flags = extraFlags
        if let compression, payloadSize >= compression.threshold,
           let compressed = compression.compress(framed.getSlice(at: framed.readerIndex + FrameHeader.size, length: payloadSize)!,
                                                 headroom: FrameHeader.size, allocator: allocator) {
            frame = compressed
            flags.insert(.compressed)
        }
        let header = FrameHeader(kind: kind, flags: flags, method: method, requestID: requestID,
                                 deadlineBudgetMilliseconds: deadlineBudgetMilliseconds)
        do {
            try completeFrame(&frame, header: header, maxFrameSize: maxFrameSize)
        } catch {
            return nil
        }
        return frame
    }
}
