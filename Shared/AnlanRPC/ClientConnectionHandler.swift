import AnlanWire
import Logging
import NIOCore

/// The client side of one connection: sends HELLO, matches answers to calls by request id (answers may
/// arrive in any order), enforces each call's deadline, and fails every outstanding call with a typed
/// error when the connection goes.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Pending {
        case unary(EventLoopPromise<ByteBuffer>, NIODeadline?)
        case stream(AsyncThrowingStream<ByteBuffer, any Error>.Continuation, NIODeadline?)
        case ping(EventLoopPromise<NIODeadline>, NIODeadline)

        var deadline: NIODeadline? {
            switch self {
            case .unary(_, let deadline), .stream(_, let deadline): deadline
            case .ping(_, let deadline): deadline
            }
        }
    }

    let helloPromise: EventLoopPromise<Hello>
    private let myHello: Hello
    private let limits: WireLimits
    private let compression: PayloadCompression
    /// Frames are decoded here, so they never travel the pipeline boxed in `NIOAny`.
    private let frames: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private var context: ChannelHandlerContext!
    private var pending: [UInt32: Pending] = [:]
    private var deadlines = DeadlineQueue()
    /// Dead-peer detection: calls that missed their deadline with nothing read since. At
    /// `Self.missesBeforeCheck` a PING (id 0) goes out; if nothing at all is read within
    /// `Self.livenessTimeout` the connection is closed and the next call dials again — a cut link leaves
    /// TCP established for tens of seconds (its retransmission back-off), and every call would wait out
    /// its deadline on it meanwhile.
    private var missesSinceRead = 0
    private var livenessCheck: Scheduled<Void>?
    static let missesBeforeCheck = 2
    static let livenessTimeout: TimeAmount = .seconds(1)
    private var serverMaxFrameSize = WireLimits.defaults.maxFrameSize
    private var serverAcceptsZlib = false
    private var handshakeDone = false
    /// Set when the channel went inactive or failed: calls that arrive afterwards (they were on their way
    /// to the event loop when it closed) fail at once instead of waiting for a deadline.
    private var closed = false
    private var flushScheduled = false
    /// Set when the server sent GOAWAY: no new calls go on this connection.
    private var draining = false
    private let onDraining: @Sendable () -> Void

    init(hello: Hello, limits: WireLimits, compressionThreshold: Int, helloPromise: EventLoopPromise<Hello>,
         onDraining: @escaping @Sendable () -> Void) {
        self.myHello = hello
        self.limits = limits
        self.compression = PayloadCompression(threshold: compressionThreshold)
        self.frames = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: limits.maxFrameSize))
        self.helloPromise = helloPromise
        self.onDraining = onDraining
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        var hello = myHello
        hello.maxFrameSize = UInt32(clamping: limits.maxFrameSize)
        hello.compressionThreshold = UInt32(clamping: compression.threshold)
        writeControl(Frame(.hello, payload: hello.encoded()))
        context.fireChannelActive()
    }

    // MARK: Calls (on the event loop)

    func startUnary(id: UInt32, method: UInt16, payload: ByteBuffer, deadline: NIODeadline?,
                    promise: EventLoopPromise<ByteBuffer>) {
        start(.unary(promise, deadline), id: id, method: method, payload: payload, deadline: deadline)
    }

    func startStream(id: UInt32, method: UInt16, payload: ByteBuffer, deadline: NIODeadline?,
                     continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) {
        start(.stream(continuation, deadline), id: id, method: method, payload: payload, deadline: deadline)
    }

    /// Sends a call's REQUEST, or fails the call at once when this connection cannot take it.
    private func start(_ call: Pending, id: UInt32, method: UInt16, payload: ByteBuffer, deadline: NIODeadline?) {
        if closed {
            return finish(call, with: RPCError.unavailable("connection closed"))
        }
        if draining {
            return finish(call, with: RPCError(.notProcessed, "connection is draining; retry on a new connection"))
        }
        guard let budget = Self.budget(deadline) else {
            return finish(call, with: RPCError.deadlineExceeded("deadline passed before the request was sent"))
        }
        pending[id] = call
        if let deadline { track(id, deadline) }
        send(.request, id: id, method: method, budget: budget, payload: payload)
    }

    func ping(id: UInt32, deadline: NIODeadline, promise: EventLoopPromise<NIODeadline>) {
        guard !closed else { return promise.fail(RPCError.unavailable("connection closed")) }
        pending[id] = .ping(promise, deadline)
        track(id, deadline)
        var payload = context.channel.allocator.buffer(capacity: 8)
        payload.writeInteger(UInt64(NIODeadline.now().uptimeNanoseconds))
        writeControl(Frame(.ping, requestID: id, payload: payload))
    }

    /// The caller gave up: tell the server and forget the call.
    func cancel(id: UInt32, error: RPCError) {
        guard let call = pending.removeValue(forKey: id) else { return }
        finish(call, with: error)
        writeControl(Frame(.cancel, requestID: id))
        closeIfDrained()
    }

    /// After the server's GOAWAY, the connection is closed as soon as nothing is pending on it: the
    /// draining server is waiting for that, and new calls go to a new connection anyway.
    private func closeIfDrained() {
        if draining, pending.isEmpty, !closed { context.close(promise: nil) }
    }

    /// Writes and flushes a small control frame (HELLO, PING, CANCEL), which always fits any frame limit.
    private func writeControl(_ frame: Frame) {
        var out = context.channel.allocator.buffer(capacity: FrameHeader.size + frame.payload.readableBytes)
        try? FrameEncoder.encode(frame, into: &out, maxFrameSize: WireLimits.defaults.maxFrameSize)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    /// Budget in milliseconds for the header; nil when the deadline has already passed.
    private static func budget(_ deadline: NIODeadline?) -> UInt32? {
        guard let deadline else { return 0 }
        let ms = (deadline - .now()).nanoseconds / 1_000_000
        return ms >= 1 ? UInt32(clamping: ms) : nil
    }

    private func isLive(_ entry: DeadlineQueue.Entry) -> Bool {
        pending[entry.id]?.deadline == entry.deadline
    }

    private func track(_ id: UInt32, _ deadline: NIODeadline) {
        if deadlines.add(id, deadline, liveCount: pending.count, isLive: isLive) {
            armDeadlineTimer()
        }
    }

    private func armDeadlineTimer() {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(on: context.eventLoop, isLive: isLive) { handler.value.deadlinesDue() }
    }

    private func deadlinesDue() {
        deadlines.timerFired()
        for entry in deadlines.popExpired(now: .now(), isLive: isLive) {
            cancel(id: entry.id, error: RPCError.deadlineExceeded("no answer before the deadline"))
            missesSinceRead += 1
        }
        if missesSinceRead >= Self.missesBeforeCheck { checkLiveness() }
        armDeadlineTimer()
    }

    /// A PING with id 0 (its PONG, like any frame read, proves the peer alive); no frame within the
    /// liveness timeout closes the connection.
    private func checkLiveness() {
        guard livenessCheck == nil, !closed else { return }
        writeControl(Frame(.ping, requestID: 0, payload: ByteBuffer(integer: UInt64(0))))
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        livenessCheck = context.eventLoop.scheduleTask(in: Self.livenessTimeout) {
            let handler = handler.value
            handler.livenessCheck = nil
            // Nothing read since the PING went out: the peer or the link is down.
            guard handler.missesSinceRead >= Self.missesBeforeCheck, !handler.closed else { return }
            handler.context.close(promise: nil)
        }
    }

    /// Sends a frame-ready request (see `FrameEncoder.reserveHeader`), compressed when worthwhile.
    private func send(_ kind: FrameKind, id: UInt32, method: UInt16, budget: UInt32, payload framed: ByteBuffer) {
        guard let frame = FrameEncoder.outgoing(
            kind, requestID: id, method: method, deadlineBudgetMilliseconds: budget, framed,
            maxFrameSize: serverMaxFrameSize, compression: serverAcceptsZlib ? compression : nil,
            allocator: context.channel.allocator)
        else {
            let call = pending.removeValue(forKey: id)
            call.map { finish($0, with: RPCError(.resourceExhausted,
                "request of \(framed.readableBytes - FrameHeader.size) bytes exceeds the server's frame limit of \(serverMaxFrameSize)")) }
            return
        }
        context.write(wrapOutboundOut(frame), promise: nil)
        scheduleFlush()
    }

    /// One flush per event-loop tick: calls started together share one syscall.
    private func scheduleFlush() {
        guard !flushScheduled else { return }
        flushScheduled = true
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let handler = handler.value
            handler.flushScheduled = false
            handler.context.flush()
        }
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        missesSinceRead = 0
        do {
            try frames.process(buffer: unwrapInboundIn(data)) { receive($0) }
        } catch {
            errorCaught(context: context, error: error)
        }
    }

    private func receive(_ frame: Frame) {
        if !handshakeDone {
            return receiveHello(frame)
        }
        switch frame.kind {
        case .response:
            guard let call = pending.removeValue(forKey: frame.requestID) else { return }
            switch payload(of: frame) {
            case .success(let payload): succeed(call, payload)
            case .failure(let error): finish(call, with: error)
            }
        case .stream:
            guard case .stream(let continuation, _) = pending[frame.requestID] else { return }
            switch payload(of: frame) {
            case .success(let payload): continuation.yield(payload)
            case .failure(let error):
                pending.removeValue(forKey: frame.requestID)
                continuation.finish(throwing: error)
            }
        case .error:
            let error = RPCError(frame.header.status, errorMessage(frame, otherwise: "(unreadable message)"))
            if frame.requestID == 0 {
                failAll(error)
                context.close(promise: nil)
            } else if let call = pending.removeValue(forKey: frame.requestID) {
                finish(call, with: error)
            }
        case .pong:
            if case .ping(let promise, _) = pending.removeValue(forKey: frame.requestID) {
                promise.succeed(.now())
            }
        case .goAway:
            let goAway = try? GoAway(decoding: frame.payload, limits: limits)
            draining = true
            onDraining()
            // Calls the server will not process can be retried safely elsewhere.
            let last = goAway?.lastRequestID ?? 0
            for (id, call) in pending where id > last {
                pending.removeValue(forKey: id)
                finish(call, with: RPCError(.notProcessed, "server is draining (\(goAway?.reason ?? "GOAWAY")); retry"))
            }
        default:
            break
        }
        closeIfDrained()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        deadlines.cancelTimer()
        livenessCheck?.cancel()
        helloPromise.fail(RPCError.unavailable("connection closed before the server's HELLO"))
        failAll(RPCError.unavailable("connection closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        closed = true
        let rpcError = RPCError.from(error)
        helloPromise.fail(rpcError)
        failAll(RPCError(rpcError.status == .internal ? .unavailable : rpcError.status,
                         "connection failed: \(rpcError.message)", cause: rpcError))
        context.close(promise: nil)
    }

    private func receiveHello(_ frame: Frame) {
        switch frame.kind {
        case .hello:
            do {
                let hello = try Hello(decoding: frame.payload, limits: limits)
                guard myHello.agreedVersion(with: hello) != nil else {
                    helloPromise.fail(RPCError(.protocolError,
                        "no common protocol version: server speaks \(hello.minVersion)–\(hello.maxVersion), this client \(myHello.minVersion)–\(myHello.maxVersion)"))
                    context.close(promise: nil)
                    return
                }
                guard hello.maxFrameSize >= Hello.minimumMaxFrameSize else {
                    helloPromise.fail(RPCError(.protocolError,
                        "the server's HELLO announces max_frame_size \(hello.maxFrameSize), below the minimum of \(Hello.minimumMaxFrameSize)"))
                    context.close(promise: nil)
                    return
                }
                serverMaxFrameSize = min(Int(hello.maxFrameSize), limits.maxFrameSize)
                serverAcceptsZlib = hello.compression.contains(.zlib)
                handshakeDone = true
                helloPromise.succeed(hello)
            } catch {
                helloPromise.fail(RPCError(.protocolError, "malformed HELLO from server: \(error)"))
                context.close(promise: nil)
            }
        case .error:
            helloPromise.fail(RPCError(frame.header.status, errorMessage(frame, otherwise: "handshake refused")))
            context.close(promise: nil)
        default:
            helloPromise.fail(RPCError(.protocolError, "expected HELLO from server, got \(frame.kind)"))
            context.close(promise: nil)
        }
    }

    /// The message of an ERROR frame, or `otherwise` when its payload cannot be read.
    private func errorMessage(_ frame: Frame, otherwise: String) -> String {
        (try? ErrorPayload(decoding: frame.payload, limits: limits))?.message ?? otherwise
    }

    private func payload(of frame: Frame) -> Result<ByteBuffer, RPCError> {
        guard frame.header.flags.contains(.compressed) else { return .success(frame.payload) }
        do {
            return .success(try compression.decompress(frame.payload, limits: limits, requestID: frame.requestID,
                                                       allocator: context.channel.allocator))
        } catch {
            return .failure(RPCError(error.status, error.message, cause: error))
        }
    }

    private func succeed(_ call: Pending, _ payload: ByteBuffer) {
        switch call {
        case .unary(let promise, _):
            promise.succeed(payload)
        case .stream(let continuation, _):
            continuation.finish()
        case .ping(let promise, _):
            promise.succeed(.now())
        }
    }

    private func finish(_ call: Pending, with error: RPCError) {
        switch call {
        case .unary(let promise, _):
            promise.fail(error)
        case .stream(let continuation, _):
            continuation.finish(throwing: error)
        case .ping(let promise, _):
            promise.fail(error)
        }
    }

    private func failAll(_ error: RPCError) {
        let calls = pending
        pending.removeAll()
        for (_, call) in calls { finish(call, with: error) }
    }
}
