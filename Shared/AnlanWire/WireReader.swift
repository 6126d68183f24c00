import NIOCore

/// Reads fields in Anlan's tagged encoding, enforcing the field-count and nesting limits.
///
/// Usage: `while let field = try reader.nextField() { switch field.number { … default: try reader.skip(field) } }`.
/// Each typed read checks that the field's wire type is the expected one.
public struct WireReader {
    private var buffer: ByteBuffer
    private let limits: WireLimits
    private var depth: Int
    /// Fields read so far in the whole payload (shared across nesting levels).
    public private(set) var fieldCount: Int

    public init(_ buffer: ByteBuffer, limits: WireLimits = .defaults) {
        self.buffer = buffer
        self.limits = limits
        self.depth = 0
        self.fieldCount = 0
    }

    /// The next field's key, or nil at the end of the message.
    public mutating func nextField() throws(WireError) -> WireField? {
        guard buffer.readableBytes > 0 else { return nil }
        fieldCount += 1
        guard fieldCount <= limits.maxFieldCount else {
            throw WireError(.limitExceeded, "payload has more than \(limits.maxFieldCount) fields")
        }
        let key = try readRawVarint()
        let number = key >> 3
        guard number >= 1, number <= UInt64(UInt32.max >> 3) else {
            throw WireError(.malformedPayload, "field number \(number) is out of range")
        }
        guard let type = WireType(rawValue: UInt8(key & 7)) else {
            throw WireError(.malformedPayload, "field \(number) has unsupported wire type \(key & 7)")
        }
        return WireField(number: UInt32(number), type: type)
    }

    /// Skips a field this node does not know.
    public mutating func skip(_ field: WireField) throws(WireError) {
        switch field.type {
        case .varint: _ = try readRawVarint()
        case .fixed64: try advance(8, field)
        case .fixed32: try advance(4, field)
        case .lengthDelimited: try advance(try readLength(field), field)
        }
    }

    public mutating func readUInt64(_ field: WireField) throws(WireError) -> UInt64 {
        try expect(.varint, field)
        return try readRawVarint()
    }

    /// An unsigned varint that must fit `T`.
    public mutating func readUInt<T: FixedWidthInteger & UnsignedInteger>(_ field: WireField, as: T.Type = T.self)
        throws(WireError) -> T
    {
        let value = try readUInt64(field)
        guard let narrowed = T(exactly: value) else {
            throw WireError(.malformedPayload, "field \(field.number): \(value) does not fit in \(T.self)")
        }
        return narrowed
    }

    public mutating func readInt64(_ field: WireField) throws(WireError) -> Int64 {
        let raw = try readUInt64(field)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    public mutating func readBool(_ field: WireField) throws(WireError) -> Bool {
        try readUInt64(field) != 0
    }

    public mutating func readDouble(_ field: WireField) throws(WireError) -> Double {
        try expect(.fixed64, field)
        guard let bits = buffer.readInteger(endianness: .little, as: UInt64.self) else {
            throw WireError(.malformedPayload, "field \(field.number): truncated double")
        }
        return Double(bitPattern: bits)
    }

    public mutating func readString(_ field: WireField) throws(WireError) -> String {
        try expect(.lengthDelimited, field)
        let length = try readLength(field)
        do {
            return try buffer.readUTF8ValidatedString(length: length)!
        } catch {
            throw WireError(.malformedPayload, "field \(field.number): string is not valid UTF-8")
        }
    }

    public mutating func readBytes(_ field: WireField) throws(WireError) -> ByteBuffer {
        try expect(.lengthDelimited, field)
        let length = try readLength(field)
        return buffer.readSlice(length: length)!
    }

    /// A nested message, one level deeper.
    public mutating func readMessage<M: WireMessage>(_ field: WireField, as: M.Type = M.self) throws(WireError) -> M {
        try expect(.lengthDelimited, field)
        guard depth + 1 <= limits.maxDepth else {
            throw WireError(.limitExceeded, "messages nested deeper than \(limits.maxDepth) levels")
        }
        let length = try readLength(field)
        var nested = WireReader(buffer.readSlice(length: length)!, limits: limits)
        nested.depth = depth + 1
        nested.fieldCount = fieldCount
        let message = try M(from: &nested)
        fieldCount = nested.fieldCount
        return message
    }

    private mutating func expect(_ type: WireType, _ field: WireField) throws(WireError) {
        guard field.type == type else {
            throw WireError(.malformedPayload, "field \(field.number) has wire type \(field.type.rawValue), expected \(type.rawValue)")
        }
    }

    private mutating func readLength(_ field: WireField) throws(WireError) -> Int {
        let length = try readRawVarint()
        guard length <= UInt64(buffer.readableBytes) else {
            throw WireError(.malformedPayload, "field \(field.number) claims \(length) bytes, \(buffer.readableBytes) remain")
        }
        return Int(length)
    }

    private mutating func advance(_ count: Int, _ field: WireField) throws(WireError) {
        guard buffer.readableBytes >= count else {
            throw WireError(.malformedPayload, "field \(field.number) is truncated")
        }
        buffer.moveReaderIndex(forwardBy: count)
    }

    private mutating func readRawVarint() throws(WireError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard let byte = buffer.readInteger(as: UInt8.self) else {
                throw WireError(.malformedPayload, "truncated varint")
            }
            guard shift < 64, shift < 63 || byte <= 1 else {
                throw WireError(.malformedPayload, "varint longer than 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }
}
