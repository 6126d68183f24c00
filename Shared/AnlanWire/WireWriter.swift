import NIOCore

/// Appends fields in Anlan's tagged encoding (see docs/PROTOCOL.md, "Payload encoding").
///
/// Each field is a varint key `number << 3 | wireType` followed by its value. Callers write only fields
/// that carry information: absent optionals and empty lists write nothing.
public struct WireWriter {
    public var buffer: ByteBuffer

    public init(buffer: ByteBuffer = ByteBuffer()) {
        self.buffer = buffer
    }

    @inlinable
    mutating func writeKey(_ number: UInt32, _ type: WireType) {
        writeRawVarint(UInt64(number) << 3 | UInt64(type.rawValue))
    }

    /// Writes `value` as a LEB128 varint (7 bits a byte, least significant group first).
    @inlinable
    public mutating func writeRawVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        buffer.writeInteger(UInt8(truncatingIfNeeded: v))
    }

    public mutating func write(_ number: UInt32, uint value: UInt64) {
        writeKey(number, .varint)
        writeRawVarint(value)
    }

    public mutating func write(_ number: UInt32, uint value: some BinaryInteger) {
        write(number, uint: UInt64(value))
    }

    /// Signed integers are zigzag-encoded: 0, −1, 1, −2 … become 0, 1, 2, 3 …
    public mutating func write(_ number: UInt32, int value: Int64) {
        writeKey(number, .varint)
        writeRawVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func write(_ number: UInt32, bool value: Bool) {
        write(number, uint: value ? 1 : 0)
    }

    /// IEEE 754 binary64, little-endian.
    public mutating func write(_ number: UInt32, double value: Double) {
        writeKey(number, .fixed64)
        buffer.writeInteger(value.bitPattern, endianness: .little)
    }

    public mutating func write(_ number: UInt32, string value: String) {
        writeKey(number, .lengthDelimited)
        let utf8 = value.utf8
        writeRawVarint(UInt64(utf8.count))
        buffer.writeString(value)
    }

    public mutating func write(_ number: UInt32, bytes value: ByteBuffer) {
        writeKey(number, .lengthDelimited)
        writeRawVarint(UInt64(value.readableBytes))
        buffer.writeImmutableBuffer(value)
    }

    /// A nested message: its encoding, prefixed by its byte count.
    public mutating func write(_ number: UInt32, message: some WireMessage) {
        writeKey(number, .lengthDelimited)
        // Reserve one byte for the length, encode in place, then widen the prefix if the body is ≥ 128 bytes.
        let lengthIndex = buffer.writerIndex
        buffer.writeInteger(UInt8(0))
        let bodyStart = buffer.writerIndex
        message.encode(to: &self)
        let bodyLength = buffer.writerIndex - bodyStart
        let prefixSize = Self.varintSize(UInt64(bodyLength))
        if prefixSize > 1 {
            buffer.writeRepeatingByte(0, count: prefixSize - 1)
            // The ranges are inside the written bytes, so this cannot fail.
            _ = try! buffer.copyBytes(at: bodyStart, to: bodyStart + prefixSize - 1, length: bodyLength)
        }
        var v = UInt64(bodyLength)
        for i in 0..<prefixSize {
            let more: UInt8 = i < prefixSize - 1 ? 0x80 : 0
            buffer.setInteger(UInt8(truncatingIfNeeded: v & 0x7F) | more, at: lengthIndex + i)
            v >>= 7
        }
    }

    public mutating func write<M: WireMessage>(_ number: UInt32, messages: [M]) {
        for message in messages { write(number, message: message) }
    }

    public mutating func write(_ number: UInt32, strings: [String]) {
        for value in strings { write(number, string: value) }
    }

    /// Bytes a varint of `value` takes.
    @inlinable
    public static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }
}
