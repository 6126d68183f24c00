import NIOCore

extension FrameEncoder {
    /// Starts a frame whose payload will be written in place: 24 bytes for the header, then the caller
    /// writes the payload, then `completeFrame` fills in the header and CRC. One buffer, no copy.
    public static func reserveHeader(in buffer: inout ByteBuffer) {
        buffer.writeRepeatingByte(0, count: FrameHeader.size)
    }

    /// Fills in the reserved header of a frame built in place (see `reserveHeader`).
    public static func completeFrame(_ buffer: inout ByteBuffer, header: FrameHeader, maxFrameSize: Int) throws(WireError) {
        let start = buffer.readerIndex
        let payloadSize = buffer.readableBytes - FrameHeader.size
        guard payloadSize >= 0 else {
            throw WireError(.frameTooShort, "buffer has no reserved header", requestID: header.requestID)
        }
        guard payloadSize <= maxFrameSize - FrameHeader.size else {
            throw WireError(.frameTooLarge,
                            "frame of \(payloadSize + FrameHeader.size) bytes exceeds the limit of \(maxFrameSize)",
                            requestID: header.requestID)
        }
        buffer.setMultipleIntegers(
            UInt32(FrameHeader.sizeAfterLength + payloadSize), FrameHeader.magic, header.version, header.kind.rawValue,
            header.flags.rawValue, header.status.rawValue, header.method, header.requestID,
            header.deadlineBudgetMilliseconds, at: start, endianness: .big)
        let crc = buffer.withUnsafeReadableBytes { bytes in
            let head = CRC32.update(0, UnsafeRawBufferPointer(rebasing: bytes[0..<FrameHeader.sizeAfterLength]))
            return CRC32.update(head, UnsafeRawBufferPointer(rebasing: bytes[FrameHeader.size...]))
        }
        buffer.setInteger(crc, at: start + FrameHeader.sizeAfterLength, endianness: .big)
    }
}

extension WireMessage {
    /// The message encoded after a reserved frame header, ready for `FrameEncoder.completeFrame`.
    public func encodedFrame(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var writer = WireWriter(buffer: allocator.buffer(capacity: FrameHeader.size + 64))
        FrameEncoder.reserveHeader(in: &writer.buffer)
        encode(to: &writer)
        return writer.buffer
    }
}
