import NIOCore

/// A payload type: a message in Anlan's tagged encoding.
///
/// Decoders loop over `WireReader.nextField()`, read the fields they know, and `skip` the rest, so a node
/// reads messages from newer peers that carry fields it has never heard of.
///
/// Declare a message with `@WireMessage` and `@Field(n)` on its properties: the macro writes the codec
/// and the schema from that one declaration.
public protocol WireMessage: WireValue {
    init(from reader: inout WireReader) throws(WireError)
    func encode(to writer: inout WireWriter)
    /// The fields, in declaration order (for the exported schema and the protocol document).
    static var wireFields: [WireFieldDescriptor] { get }
    /// The message's doc comment.
    static var wireDoc: String { get }
}

extension WireMessage {
    /// A message written by hand (e.g. in tests) has no declared fields.
    public static var wireFields: [WireFieldDescriptor] { [] }
    public static var wireDoc: String { "" }
    public static var wireSchemaType: WireSchemaType { .message(Self.self) }

    @inlinable
    public static func readWire(_ field: WireField, from reader: inout WireReader) throws(WireError) -> Self {
        try reader.readMessage(field, as: Self.self)
    }

    @inlinable
    public func writeWire(_ number: UInt32, to writer: inout WireWriter) { writer.write(number, message: self) }

    /// The message encoded into a new buffer.
    public func encoded(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var writer = WireWriter(buffer: allocator.buffer(capacity: 64))
        encode(to: &writer)
        return writer.buffer
    }

    /// Decodes a whole payload as this message, within `limits`.
    public init(decoding payload: ByteBuffer, limits: WireLimits = .defaults) throws(WireError) {
        var reader = WireReader(payload, limits: limits)
        try self.init(from: &reader)
    }
}

/// A message with no fields, for methods that take or return nothing.
@WireMessage
public struct EmptyMessage: Hashable {}
