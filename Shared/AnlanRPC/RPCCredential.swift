import AnlanWire
import NIOCore

/// A person's credential (凭据) as it travels with a request: the signed token a gateway issued them,
/// sent in the REQUEST frame (`FrameFlags.credential`) and checked by the server that answers.
///
/// Calls made while `RPCCredential.current` is set carry it. A server runs each handler with the
/// credential of the request it serves as `current`, so a gateway's calls down the tiers carry the
/// original caller's token, signed by its issuer, which every child checks itself; a call made for no
/// one in particular (a refresh, a registration) carries none and speaks for the node alone.
public struct RPCCredential: Sendable, Hashable {
    /// The largest credential a frame may carry (a token with its certificate chain is about 2 KiB).
    public static let maxLength = 8192

    /// The token's bytes: a compact JWS (ASCII).
    public let token: String

    public init(token: String) {
        self.token = token
    }

    /// The credential that calls from this task carry; nil: the node's own.
    @TaskLocal public static var current: RPCCredential?

    /// A frame-ready REQUEST payload: the reserved header, the credential's length and bytes, then the
    /// encoded request.
    func framed(_ request: some WireMessage, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var writer = WireWriter(buffer: allocator.buffer(capacity: FrameHeader.size + 2 + token.utf8.count + 64))
        FrameEncoder.reserveHeader(in: &writer.buffer)
        writer.buffer.writeInteger(UInt16(clamping: token.utf8.count))
        writer.buffer.writeString(token)
        request.encode(to: &writer)
        return writer.buffer
    }

    /// Splits a REQUEST's payload into the credential it starts with and the request message.
    ///
    /// - Throws: `RPCError(.invalidArgument)` when the prefix is truncated, too long or not UTF-8.
    static func split(_ payload: inout ByteBuffer) throws(RPCError) -> RPCCredential {
        guard let length = payload.readInteger(as: UInt16.self) else {
            throw RPCError(.invalidArgument, "the credential flag is set but the payload has no credential length")
        }
        guard Int(length) <= maxLength else {
            throw RPCError(.invalidArgument, "a credential of \(length) bytes exceeds the limit of \(maxLength)")
        }
        guard let token = payload.readString(length: Int(length)) else {
            throw RPCError(.invalidArgument, "the credential is cut short: \(length) bytes announced, \(payload.readableBytes) left")
        }
        return RPCCredential(token: token)
    }
}
