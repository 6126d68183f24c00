import NIOCore

/// A payload type: a message in Anlan's tagged encoding.
///
/// Decoders loop over `WireReader.nextField()`, read the fields they know, and `skip` the rest, so a node
/// reads messages from newer peers that carry fields it has never heard of.
public protocol WireMessage: Sendable {
    init(from reader: inout WireReader) throws(WireError)
    func encode(to writer: inout WireWriter)
}

extension WireMessage {
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
public struct EmptyMessage: WireMessage, Hashable {
    public init() {}
    public init(from reader: inout WireReader) throws(WireError) {
        while let field = try reader.nextField() { try reader.skip(field) }
    }
    public func encode(to writer: inout WireWriter) {}
}
