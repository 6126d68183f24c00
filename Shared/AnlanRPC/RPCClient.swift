import AnlanWire
#if canImport(Glibc)
import Glibc
#endif
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Synchronization

/// A client of one Anlan server: one multiplexed connection shared by all calls, opened on first use,
/// reopened after it drops with exponential backoff.
///
/// While backing off, calls fail at once with `unavailable` rather than queueing, so a caller with a
/// fallback (the gateway's last good summary, the registry snapshot) can use it without waiting.
public final class RPCClient: Sendable {
    public let configuration: RPCClientConfiguration
    private let group: any EventLoopGroup
    private let state = NIOLockedValueBox(State.idle)

    private enum State {
        case idle
        case connecting(EventLoopFuture<ClientConnection>)
        case connected(ClientConnection)
        case backingOff(until: NIODeadline, failures: Int, reason: String)
        case closed
    }

    public init(configuration: RPCClientConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    public convenience init(host: String, port: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.init(configuration: RPCClientConfiguration(host: host, port: port), group: group)
    }

    /// Calls `method` and waits for its answer, at most until `deadline` (or `timeout`, or the default).
    public func call<Request, Response>(
        _ method: RPCMethod<Request, Response>,
        _ request: Request,
        timeout: Duration? = nil,
        deadline: NIODeadline? = nil
    ) async throws(RPCError) -> Response {
        let deadline = deadline ?? .now() + TimeAmount(timeout ?? configuration.defaultTimeout)
        let (flags, framed) = try Self.framed(request)
        var attempt = 1
        while true {
            let connection: ClientConnection
            do {
                connection = try await self.connection(deadline: deadline)
            } catch {
                var failure = RPCError.from(error)
                failure.requestWasSent = false
                throw failure
            }
            do {
                let payload = try await connection.unary(method: method.id, flags: flags, payload: framed, deadline: deadline)
                return try Response(decoding: payload, limits: configuration.limits)
            } catch {
                let failure = RPCError.from(error)
                // A request that crossed the server's GOAWAY (an idle close, a drain) was certainly not
                // processed: it is sent once more on a new connection, as long as the deadline allows.
                guard failure.status == .notProcessed, attempt < Self.attemptsWhenNotProcessed, NIODeadline.now() < deadline else {
                    throw failure
                }
                attempt += 1
            }
        }
    }

    /// A request's frame-ready payload, led by the task's credential when it has one (`RPCCredential.current`).
    private static func framed(_ request: some WireMessage) throws(RPCError) -> (FrameFlags, ByteBuffer) {
        guard let credential = RPCCredential.current else { return ([], request.encodedFrame()) }
        guard credential.token.utf8.count <= RPCCredential.maxLength else {
            throw RPCError(.invalidArgument, "a credential of \(credential.token.utf8.count) bytes exceeds the limit of \(RPCCredential.maxLength)",
                           requestWasSent: false)
        }
        return (.credential, credential.framed(request))
    }

    /// How many times a call is sent when the server answers `notProcessed` (it drained the connection).
    static let attemptsWhenNotProcessed = 2

    /// Calls a streaming `method`: the messages arrive in order until the server ends the stream.
    public func stream<Request, Message>(
        _ method: RPCMethod<Request, Message>,
        _ request: Request,
        deadline: NIODeadline? = nil
    ) async throws(RPCError) -> AsyncThrowingMapSequence<AsyncThrowingStream<ByteBuffer, any Error>, Message> {
        let limits = configuration.limits
        let (flags, framed) = try Self.framed(request)
        do {
            let connection = try await connection(deadline: deadline ?? .now() + TimeAmount(configuration.connectTimeout))
            return connection.stream(method: method.id, flags: flags, payload: framed, deadline: deadline)
                .map { try Message(decoding: $0, limits: limits) }
        } catch {
            throw RPCError.from(error)
        }
    }

    /// Round-trip time of a PING on the (possibly new) connection.
    public func ping(timeout: Duration? = nil) async throws(RPCError) -> Duration {
        do {
            let deadline = NIODeadline.now() + TimeAmount(timeout ?? configuration.connectTimeout)
            let connection = try await connection(deadline: deadline)
            let start = NIODeadline.now()
            let end = try await connection.ping(deadline: deadline)
            return Duration(end - start)
        } catch {
            throw RPCError.from(error)
        }
    }

    /// The server's HELLO (its identity and limits), connecting if needed.
    public func serverHello() async throws(RPCError) -> Hello {
        do {
            return try await connection(deadline: .now() + TimeAmount(configuration.connectTimeout)).serverHello
        } catch {
            throw RPCError.from(error)
        }
    }

    /// Closes the connection; later calls fail with `unavailable`.
    public func close() async {
        let previous = state.withLockedValue { state -> State in
            defer { state = .closed }
            return state
        }
        switch previous {
        case .connected(let connection): try? await connection.channel.close()
        case .connecting(let future): try? await future.get().channel.close()
        default: break
        }
    }

    // MARK: Connection management

    private func connection(deadline: NIODeadline) async throws -> ClientConnection {
        enum Next {
            case ready(ClientConnection)
            case wait(EventLoopFuture<ClientConnection>)
        }
        let next: Next = try state.withLockedValue { state in
            switch state {
            case .connected(let connection) where connection.isUsable:
                // The common case: handed over without touching an event loop.
                return .ready(connection)
            case .connecting(let future):
                return .wait(future)
            case .backingOff(let until, _, let reason) where NIODeadline.now() < until:
                let wait = (until - .now()).nanoseconds / 1_000_000
                throw RPCError.unavailable("\(configuration.host):\(configuration.port) unreachable (\(reason)); next attempt in \(wait) ms")
            case .closed:
                throw RPCError.unavailable("client closed")
            case .idle, .connected, .backingOff:
                let failures: Int
                if case .backingOff(_, let count, _) = state { failures = count } else { failures = 0 }
                let future = connect()
                state = .connecting(future)
                future.whenComplete { [self] result in
                    self.connectFinished(result, failures: failures)
                }
                return .wait(future)
            }
        }
        switch next {
        case .ready(let connection): return connection
        case .wait(let future): return try await future.get()
        }
    }

    private func connectFinished(_ result: Result<ClientConnection, any Error>, failures: Int) {
        state.withLockedValue { state in
            guard case .connecting = state else { return }
            switch result {
            case .success(let connection):
                state = .connected(connection)
            case .failure(let error):
                let exponent = min(failures, 16)
                let base = configuration.initialBackoff * (1 << exponent)
                let capped = min(base, configuration.maxBackoff)
                let jittered = capped * Double.random(in: 0.8...1.2)
                state = .backingOff(until: .now() + TimeAmount(jittered), failures: failures + 1,
                                    reason: RPCError.from(error).message)
            }
        }
        if case .success(let connection) = result {
            connection.channel.closeFuture.whenComplete { [self] _ in
                self.state.withLockedValue { state in
                    if case .connected(let current) = state, current === connection { state = .idle }
                }
            }
        }
    }

    /// Where a client's refusals of a server's certificate are logged.
    static let tlsLogger = Logger(label: "anlan.rpc.tls")

    /// A connect failure in a few words: "connection refused", "timed out after 2 s", "cannot resolve host".
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let inner = error.connectionErrors.last?.error { return reason(inner) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve host" }
            return "no address to connect to"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout(let amount):
            return "timed out after \(amount.nanoseconds / 1_000_000) ms"
        default:
            return "\(error)"
        }
    }

    private func connect() -> EventLoopFuture<ClientConnection> {
        let eventLoop = group.any()
        let helloPromise = eventLoop.makePromise(of: Hello.self)
        let drainingBox = NIOLockedValueBox<ClientConnection?>(nil)
        let configuration = self.configuration
        let handlerBox = NIOLoopBoundBox.makeEmptyBox(valueType: ClientConnectionHandler.self, eventLoop: eventLoop)
        let timeout = TimeAmount(configuration.connectTimeout)
        let channelFuture = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            // A floor under the handler's own dead-peer detection: the kernel probes an idle connection
            // (keepalive) and gives up on data unacknowledged for 20 s (TCP_USER_TIMEOUT).
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), SocketOptionName(TCP_USER_TIMEOUT)), value: 20_000)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ClientConnectionHandler(
                        hello: configuration.hello, limits: configuration.limits,
                        compressionThreshold: configuration.compressionThreshold, helloPromise: helloPromise,
                        onDraining: { drainingBox.withLockedValue { $0?.markDraining() } })
                    handlerBox.value = handler
                    try RPCPipeline.configureClient(channel.pipeline.syncOperations, tls: configuration.tls,
                                                    handler: handler, logger: Self.tlsLogger)
                }
            }
            .connect(host: configuration.host, port: configuration.port)
        let handshakeTimeout = eventLoop.scheduleTask(in: timeout) {
            helloPromise.fail(RPCError.unavailable("no HELLO from the server within \(configuration.connectTimeout)"))
        }
        channelFuture.whenFailure { helloPromise.fail($0) }
        return channelFuture.flatMap { channel in
            helloPromise.futureResult.flatMapErrorThrowing { error in
                channel.close(promise: nil)
                throw error
            }.map { hello in
                handshakeTimeout.cancel()
                let connection = ClientConnection(channel: channel, handler: handlerBox, serverHello: hello)
                drainingBox.withLockedValue { $0 = connection }
                return connection
            }
        }.flatMapErrorThrowing { error in
            handshakeTimeout.cancel()
            throw RPCError.from(error).status == .internal
                ? RPCError.unavailable("cannot connect to \(configuration.host):\(configuration.port): \(Self.reason(error))",
                                       cause: RPCError.from(error))
                : error
        }
    }
}
