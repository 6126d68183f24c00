import NIOCore

/// Writes frames to bytes: the header, the CRC-32 and the payload. It never compresses: callers decide that
/// with `PayloadCompression` first, so the frame they hand in is exactly what goes on the wire.
public enum FrameEncoder {
    /// Appends `frame` to `buffer`. Fails with `frameTooLarge` when it would exceed `maxFrameSize`, so an
    /// oversized answer becomes an ERROR for its caller instead of a frame the peer must reject.
    public static func encode(_ frame: Frame, into buffer: inout ByteBuffer, maxFrameSize: Int) throws(WireError) {
        let payloadSize = frame.payload.readableBytes
        guard payloadSize <= maxFrameSize - FrameHeader.size else {
            throw WireError(.frameTooLarge,
                            "frame of \(payloadSize + FrameHeader.size) bytes exceeds the limit of \(maxFrameSize)",
                            requestID: frame.header.requestID)
        }
        buffer.reserveCapacity(minimumWritableBytes: FrameHeader.size + payloadSize)
        let start = buffer.writerIndex
        let h = frame.header
        buffer.writeMultipleIntegers(
            UInt32(FrameHeader.sizeAfterLength + payloadSize),
            FrameHeader.magic,
            h.version,
            h.kind.rawValue,
            h.flags.rawValue,
            h.status.rawValue,
            h.method,
            h.requestID,
            h.deadlineBudgetMilliseconds,
            endianness: .big
        )
        let crc = buffer.withUnsafeReadableBytes { bytes in
            CRC32.update(0, UnsafeRawBufferPointer(rebasing: bytes[(start - buffer.readerIndex)...]))
        }
        buffer.writeInteger(CRC32.update(crc, frame.payload), endianness: .big)
        buffer.writeImmutableBuffer(frame.payload)
    }

    /// The frame as a new buffer, for tests, fixtures and one-off writes.
    public static func encode(_ frame: Frame, maxFrameSize: Int = WireLimits.defaults.maxFrameSize)
        throws(WireError) -> ByteBuffer
    {
        var buffer = ByteBuffer()
        try encode(frame, into: &buffer, maxFrameSize: maxFrameSize)
        return buffer
    }
}
