import NIOCore

extension String: WireValue {
    public static var wireSchemaType: WireSchemaType { .scalar("string") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> String {
        try reader.readString(field)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, string: self) }
    @inlinable
    public var isWireDefault: Bool { isEmpty }
}

extension Bool: WireValue {
    public static var wireSchemaType: WireSchemaType { .scalar("bool") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Bool {
        try reader.readBool(field)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, bool: self) }
    @inlinable
    public var isWireDefault: Bool { !self }
}

extension Double: WireValue {
    public static var wireSchemaType: WireSchemaType { .scalar("double") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Double {
        try reader.readDouble(field)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, double: self) }
    @inlinable
    public var isWireDefault: Bool { self == 0 }
}

extension Int64: WireValue {
    /// Zigzag-encoded.
    public static var wireSchemaType: WireSchemaType { .scalar("sint64") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Int64 {
        try reader.readInt64(field)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, int: self) }
    @inlinable
    public var isWireDefault: Bool { self == 0 }
}

/// An unsigned integer on the wire: a varint that must fit the Swift type when read.
public protocol WireUnsignedInteger: WireValue, FixedWidthInteger, UnsignedInteger {}

extension WireUnsignedInteger {
    public static var wireSchemaType: WireSchemaType { .scalar(bitWidth > 32 ? "uint64" : "uint32") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self {
        try reader.readUInt(field, as: Self.self)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, uint: UInt64(self)) }
    @inlinable
    public var isWireDefault: Bool { self == 0 }
}

extension UInt8: WireUnsignedInteger {}
extension UInt16: WireUnsignedInteger {}
extension UInt32: WireUnsignedInteger {}
extension UInt64: WireUnsignedInteger {}

extension ByteBuffer: WireValue {
    public static var wireSchemaType: WireSchemaType { .scalar("bytes") }
    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> ByteBuffer {
        try reader.readBytes(field)
    }
    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, bytes: self) }
    @inlinable
    public var isWireDefault: Bool { readableBytes == 0 }
}
