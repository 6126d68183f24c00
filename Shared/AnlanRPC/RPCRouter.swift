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
    /// Decides every non-inline request before its handler runs (see `RPCAuthorizer`); nil lets all
    /// through. Set it before registering handlers: each registration keeps the authorizer of its time.
    public var authorizer: (any RPCAuthorizer)?
    /// Keeps an audit record of every write let through (`RPCAuditEntry.audits`), with how it ended;
    /// nil keeps none. Set it, like `authorizer`, before registering handlers.
    public var audit: (any RPCAuditSink)?

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
        precondition(method.access == .connection,
                     "\(method.name): inline handlers run before any authorization, so only for `.connection` methods")
        let limits = self.limits, mapError = self.mapError
        add(method, .inline { payload, context in
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
        let limits = self.limits, mapError = self.mapError, authorizer = self.authorizer, access = method.access
        let audit = RPCAuditEntry.audits(access) ? self.audit : nil
        add(method, .async({ payload, received in
            var request: Request
            let context: RPCRequestContext
            do {
                request = try Request(decoding: payload, limits: limits)
                context = try await Self.authorized(access, &request, received, by: authorizer)
            } catch {
                throw mapError(error)
            }
            do {
                let response = try await Self.acting(for: context) { try await body(request, context) }
                await audit?.record(RPCAuditEntry(access, request, context, who: Self.who(context), outcome: "ok"))
                return response.encodedFrame()
            } catch {
                let answered = mapError(error)
                let failure = RPCError.from(answered)
                await audit?.record(RPCAuditEntry(access, request, context, who: Self.who(context),
                                                  outcome: "\(failure.status): \(failure.message)"))
                throw answered
            }
        }, onEventLoop: runsOnEventLoop))
    }

    /// Registers a streaming handler: it sends messages through the writer and returns to end the stream.
    public mutating func stream<Request, Message>(
        _ method: RPCMethod<Request, Message>,
        _ body: @escaping @Sendable (Request, RPCRequestContext, RPCStreamWriter<Message>) async throws -> Void
    ) {
        let limits = self.limits, mapError = self.mapError, authorizer = self.authorizer, access = method.access
        add(method, .stream { payload, context, send in
            do {
                var request = try Request(decoding: payload, limits: limits)
                let context = try await Self.authorized(access, &request, context, by: authorizer)
                try await Self.acting(for: context) { try await body(request, context, RPCStreamWriter(send: send)) }
            } catch {
                throw mapError(error)
            }
        })
    }

    /// Runs a handler's body with the request's credential as `RPCCredential.current`, so the calls it
    /// makes act for the same person (a request without one changes nothing: no task-local to bind).
    private static func acting<T>(for context: RPCRequestContext, _ body: () async throws -> T) async throws -> T {
        guard let credential = context.credential else { return try await body() }
        return try await RPCCredential.$current.withValue(credential) { try await body() }
    }

    /// Who an audit record names: the authorized principal, or the HELLO's node id.
    private static func who(_ context: RPCRequestContext) -> String {
        context.principal?.auditName ?? context.peer.nodeID
    }

    /// The request's context with its principal, when `authorizer` allows the request; an
    /// `ActorStampedRequest` gets the principal's name as its actor.
    private static func authorized<Request: WireMessage>(
        _ access: RPCAccess, _ request: inout Request, _ context: RPCRequestContext, by authorizer: (any RPCAuthorizer)?
    ) async throws(RPCError) -> RPCRequestContext {
        guard let authorizer else { return context }
        var context = context
        context.principal = try await authorizer.authorize(access, request: request, context: context)
        if let principal = context.principal, var stamped = request as? any ActorStampedRequest {
            stamped.stampedActor = principal.auditName
            request = stamped as! Request
        }
        return context
    }

    private mutating func add<Request, Response>(_ method: RPCMethod<Request, Response>, _ handler: Handler) {
        let id = method.id
        precondition(entries[id] == nil, "method id \(id) registered twice (\(method.name), \(entries[id]!.name))")
        entries[id] = Entry(name: method.name, handler: handler)
    }
}
