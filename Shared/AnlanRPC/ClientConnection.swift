import AnlanWire
import NIOCore
import Synchronization

/// One open, handshaken connection of an `RPCClient`, shared by all its concurrent calls.
final class ClientConnection: Sendable {
    let channel: any Channel
    let serverHello: Hello
    private let handler: NIOLoopBoundBox<ClientConnectionHandler?>
    private let nextID = Atomic<UInt32>(0)
    private let drainingFlag = Atomic<Bool>(false)

    init(channel: any Channel, handler: NIOLoopBoundBox<ClientConnectionHandler?>, serverHello: Hello) {
        self.channel = channel
        self.handler = handler
        self.serverHello = serverHello
    }

    /// Whether new calls may use this connection.
    var isUsable: Bool { channel.isActive && !drainingFlag.load(ordering: .relaxed) }

    func markDraining() { drainingFlag.store(true, ordering: .relaxed) }

    /// Request ids count up from 1 and skip 0, which means "the connection" in ERROR frames. A connection
    /// retires (new calls open another) once its ids come within 2²⁰ of wrapping, so they never wrap on
    /// one connection and GOAWAY's `last_request_id` can be compared by value.
    func makeRequestID() -> UInt32 {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        if Self.retires(after: id) { markDraining() }
        return id == 0 ? nextID.wrappingAdd(1, ordering: .relaxed).newValue : id
    }

    /// Whether handing out `id` retires the connection.
    static func retires(after id: UInt32) -> Bool {
        id >= UInt32.max - (1 << 20)
    }

    func unary(method: UInt16, flags: FrameFlags = [], payload: ByteBuffer, deadline: NIODeadline?) async throws -> ByteBuffer {
        let id = makeRequestID()
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        let handler = self.handler
        // Callers are tasks, never on the event loop: hop there once.
        channel.eventLoop.execute {
            handler.value!.startUnary(id: id, method: method, flags: flags, payload: payload, deadline: deadline, promise: promise)
        }
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            self.cancel(id, RPCError(.cancelled, "the caller cancelled"))
        }
    }

    func stream(method: UInt16, flags: FrameFlags = [], payload: ByteBuffer, deadline: NIODeadline?) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let id = makeRequestID()
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let handler = self.handler
        channel.eventLoop.execute {
            handler.value!.startStream(id: id, method: method, flags: flags, payload: payload, deadline: deadline,
                                      continuation: continuation)
        }
        continuation.onTermination = { [weak self] reason in
            if case .cancelled = reason { self?.cancel(id, RPCError(.cancelled, "the caller stopped listening")) }
        }
        return stream
    }

    func ping(deadline: NIODeadline) async throws -> NIODeadline {
        let id = makeRequestID()
        let promise = channel.eventLoop.makePromise(of: NIODeadline.self)
        let handler = self.handler
        channel.eventLoop.execute { handler.value!.ping(id: id, deadline: deadline, promise: promise) }
        return try await promise.futureResult.get()
    }

    private func cancel(_ id: UInt32, _ error: RPCError) {
        let handler = self.handler
        channel.eventLoop.execute { handler.value!.cancel(id: id, error: error) }
    }
}
