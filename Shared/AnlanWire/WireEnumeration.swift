/// A closed set of values that travels as its `UInt8` raw value.
///
/// A number the set does not know is refused (`malformedPayload`, naming the set) unless the set names
/// a fallback in `unknownWireValue`.
public protocol WireEnumeration: WireValue, RawRepresentable, CaseIterable where RawValue == UInt8 {
    /// What the set is called in error messages, e.g. "hazard type".
    static var kindName: String { get }
    /// The value an unknown number reads as; nil refuses it.
    static var unknownWireValue: Self? { get }
    /// The case's name in the exported schema, e.g. `debris-flow`.
    var wireCaseName: String { get }
}

extension WireEnumeration {
    public static var kindName: String { String(describing: Self.self) }
    public static var unknownWireValue: Self? { nil }
    public var wireCaseName: String { String(describing: self) }
    public static var wireSchemaType: WireSchemaType { .enumeration(Self.self) }

    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self {
        let raw: UInt8 = try reader.readUInt(field)
        if let value = Self(rawValue: raw) ?? unknownWireValue { return value }
        throw WireError(.malformedPayload, "unknown \(kindName) \(raw)")
    }

    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, uint: UInt64(rawValue)) }
}
