import AnlanWire
import NIOCore

/// The methods a server answers, by id, with their request decoding and response encoding.
///
/// Responses are encoded straight after a reserved frame header (`encodedFrame()`), so the connection
/// completes the frame in place without copying the payload.
///
/// Three shapes of handler:
/// - *inline*: synchronous, runs on the connection's event loop with no executor hop — for cheap reads
///   from memory (ping-like methods, cached views);
/// - *async*: runs in a task — for work that awaits (storage, downstream calls); on the cooperative pool,
///   or, for handlers that only await other calls and never block, on the connection's event loop;
/// - *streaming*: sends any number of messages, then ends — for watches.
public struct RPCRouter: Sendable {
    enum Handler: Sendable {
        case inline(@Sendable (ByteBuffer, RPCRequestContext) throws -> ByteBuffer)
        case async(@Sendable (ByteBuffer, RPCRequestContext) async throws -> ByteBuffer, onEventLoop: Bool)
        case stream(@Sendable (ByteBuffer, RPCRequestContext, @escaping @Sendable (ByteBuffer) async throws -> Void) async throws -> Void)
    }

    struct Entry: Sendable {
        let name: String
        let handler: Handler
    }

    private(set) var entries: [UInt16: Entry] = [:]
    let limits: WireLimits
    /// Turns what a handler throws into what is answered (e.g. a domain layer's error into its
    /// `RPCError`), so layers below the server need not know the wire; the identity by default.
    let mapError: @Sendable (any Error) -> any Error

    /// - Parameter mapError: applied to every error a handler throws, before it is answered.
    public init(limits: WireLimits = .defaults, mapError: @escaping @Sendable (any Error) -> any Error = { $0 }) {
        self.limits = limits
        self.mapError = mapError
    }

    /// The names of the registered methods, by id.
    public var methods: [UInt16: String] { entries.mapValues(\.name) }

    /// Registers a synchronous handler that runs on the event loop.
    public mutating func inline<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ body: @escaping @Sendable (Request, RPCRequestContext) throws -> Response
    ) {
        let limits = self.limits, mapError = self.mapError
        add(method.id, method.name, .inline { payload, context in
            do {
                return try body(try Request(decoding: payload, limits: limits), context).encodedFrame()
            } catch {
                throw mapError(error)
            }
        })
    }

    /// Registers an asynchronous handler.
    ///
    /// - Parameter runsOnEventLoop: run the handler's task on the connection's event loop
    ///   (`EventLoopTaskExecutor`) rather than the cooperative pool: no thread hop per call it awaits. Only
    ///   for handlers that never block — no synchronous storage, no long computation.
    public mutating func async<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        runsOnEventLoop: Bool = false,
        _ body: @escaping @Sendable (Request, RPCRequestContext) async throws -> Response
    ) {
        let limits = self.limits, mapError = self.mapError
        add(method.id, method.name, .async({ payload, context in
            do {
                return try await body(try Request(decoding: payload, limits: limits), context).encodedFrame()
            } catch {
                throw mapError(error)
            }
        }, onEventLoop: runsOnEventLoop))
    }

    /// Registers a streaming handler: it sends messages through the writer and returns to end the stream.
    public mutating func stream<Request, Message>(
        _ method: RPCMethod<Request, Message>,
        _ body: @escaping @Sendable (Request, RPCRequestContext, RPCStreamWriter<Message>) async throws -> Void
    ) {
        let limits = self.limits, mapError = self.mapError
        add(method.id, method.name, .stream { payload, context, send in
            do {
                try await body(try Request(decoding: payload, limits: limits), context, RPCStreamWriter(send: send))
            } catch {
                throw mapError(error)
            }
        })
    }

    private mutating func add(_ id: UInt16, _ name: String, _ handler: Handler) {
        precondition(entries[id] == nil, "method id \(id) registered twice (\(name), \(entries[id]!.name))")
        entries[id] = Entry(name: name, handler: handler)
    }
}
