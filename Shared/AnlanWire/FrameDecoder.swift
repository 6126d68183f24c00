import NIOCore

/// Splits a byte stream into frames, validating each before its payload is buffered.
///
/// Checks, in order and as soon as the bytes are there: the first magic byte (byte 4), the whole magic
/// (bytes 4–5), the length against the 20-byte minimum and against `maxFrameSize`, the version (byte 6),
/// then the CRC-32 once the whole frame has arrived. Any failure throws a
/// `WireError`; the connection that fed the bytes is then answered with an ERROR and closed. A frame kind
/// this node does not know is *not* an error here: it is passed up to be answered with `unimplemented`.
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = Frame

    public var maxFrameSize: Int

    public init(maxFrameSize: Int = WireLimits.defaults.maxFrameSize) {
        self.maxFrameSize = maxFrameSize
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> Frame? {
        let start = buffer.readerIndex
        let available = buffer.readableBytes
        guard available >= 6 else {
            // Check as much of the magic as has arrived, so garbage is rejected on its first bytes.
            if available >= 5, buffer.getInteger(at: start + 4, as: UInt8.self) != UInt8(FrameHeader.magic >> 8) {
                throw WireError(.badMagic, "bad magic byte 0x\(String(buffer.getInteger(at: start + 4, as: UInt8.self)!, radix: 16))")
            }
            return nil
        }
        let length = Int(buffer.getInteger(at: start, as: UInt32.self)!)
        let magic = buffer.getInteger(at: start + 4, as: UInt16.self)!
        guard magic == FrameHeader.magic else {
            throw WireError(.badMagic, "bad magic 0x\(String(magic, radix: 16)), expected 0x414e")
        }
        guard length >= FrameHeader.sizeAfterLength else {
            throw WireError(.frameTooShort, "length \(length) is shorter than the \(FrameHeader.sizeAfterLength)-byte header")
        }
        guard length + 4 <= maxFrameSize else {
            // No request id, however many bytes have arrived: the connection is closed for it, and what
            // the answer carried must not depend on how TCP split the bytes.
            throw WireError(.frameTooLarge, "frame of \(length + 4) bytes exceeds the limit of \(maxFrameSize)")
        }
        if available >= 7 {
            let version = buffer.getInteger(at: start + 6, as: UInt8.self)!
            guard version == FrameHeader.currentVersion else {
                throw WireError(.unsupportedVersion, "protocol version \(version) is not supported (this node speaks 1)")
            }
        }
        guard available >= length + 4 else { return nil }

        // The CRC covers bytes 0..<20 (all of the header but the CRC itself) and the payload.
        var expected = CRC32.update(0, buffer.getSlice(at: start, length: FrameHeader.sizeAfterLength)!)
        guard let (_, _, version, kind, flags, status, method, requestID, budget, crc) = buffer.readMultipleIntegers(
            endianness: .big, as: (UInt32, UInt16, UInt8, UInt8, UInt8, UInt8, UInt16, UInt32, UInt32, UInt32).self)
        else { return nil }
        let payload = buffer.readSlice(length: length - FrameHeader.sizeAfterLength)!
        expected = CRC32.update(expected, payload)
        guard expected == crc else {
            throw WireError(.checksumMismatch,
                            "CRC-32 mismatch: header says 0x\(String(crc, radix: 16)), bytes give 0x\(String(expected, radix: 16))",
                            requestID: requestID)
        }
        let header = FrameHeader(version: version, kind: FrameKind(rawValue: kind), flags: FrameFlags(rawValue: flags),
                                 status: WireStatus(rawValue: status), method: method, requestID: requestID,
                                 deadlineBudgetMilliseconds: budget)
        return Frame(header: header, payload: payload)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Frame? {
        if let frame = try decode(buffer: &buffer) { return frame }
        if seenEOF && buffer.readableBytes > 0 {
            throw WireError(.truncated, "connection closed in the middle of a frame (\(buffer.readableBytes) bytes left)")
        }
        return nil
    }
}
