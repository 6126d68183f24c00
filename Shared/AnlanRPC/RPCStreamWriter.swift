import AnlanWire
import NIOCore

/// Sends the messages of a streamed answer (e.g. a registry watch) to the caller, in order.
public struct RPCStreamWriter<Message: WireMessage>: Sendable {
    let send: @Sendable (ByteBuffer) async throws -> Void

    /// Sends one message; throws once the caller has cancelled or the connection has closed.
    public func send(_ message: Message) async throws {
        try await send(message.encodedFrame())
    }
}
