/// A type a `@Field` can hold: how one value is read from and written to a field, and what it is called
/// in the exported proto3 schema.
///
/// Strings, booleans, integers (unsigned as varints, signed zigzag-encoded), doubles and byte strings
/// conform here; nested messages through `WireMessage`, enums through `WireEnumeration`.
public protocol WireValue: Sendable {
    /// The name of the value's message or enum in the exported schema (e.g. `HazardPoint`, `WatchEventKind`).
    static var wireName: String { get }
    /// The value's proto3 type.
    static var wireSchemaType: WireSchemaType { get }
    /// One value from `field`, whose key the reader has just read.
    static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self
    /// The value of an optional field; nil when the wire's value means "none" (e.g. an empty day).
    static func readWireOptional(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self?
    /// Writes the value as field `number`.
    func writeWire(_ number: UInt32, to writer: inout WireWriter)
    /// Whether the value is its type's default, which a `.omitDefault` field does not write.
    var isWireDefault: Bool { get }
}

extension WireValue {
    /// The Swift name without its module, nested names run together: `WatchEvent.Kind` → `WatchEventKind`.
    public static var wireName: String {
        let full = String(reflecting: Self.self)
        let local = full.firstIndex(of: ".").map { full[full.index(after: $0)...] } ?? full[...]
        return String(local.filter { $0 != "." })
    }

    @inlinable
    public static func readWireOptional(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self? {
        try readWire(field, from: &reader)
    }

    public var isWireDefault: Bool { false }
}
