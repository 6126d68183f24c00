import AnlanWire
import Logging
import NIOCore

/// The client side of one connection: sends HELLO, matches answers to calls by request id (answers may
/// arrive in any order), enforces each call's deadline, and fails every outstanding call with a typed
/// error when the connection goes.
///
/// A thin runner of `ClientConnectionStateMachine`, which decides (handshake, which calls may go out,
/// GOAWAY, the dead-peer check); this handler encodes and decodes, completes promises and streams,
/// keeps the deadline and liveness timers, and flushes once per event-loop tick.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What completes a call.
    enum Call {
        case unary(EventLoopPromise<ByteBuffer>)
        case stream(AsyncThrowingStream<ByteBuffer, any Error>.Continuation)
        case ping(EventLoopPromise<NIODeadline>)
    }

    typealias Machine = ClientConnectionStateMachine<Call>

    let helloPromise: EventLoopPromise<Hello>
    private let myHello: Hello
    private let limits: WireLimits
    private let compression: PayloadCompression
    /// Frames are decoded here, so they never travel the pipeline boxed in `NIOAny`.
    private let frames: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private var context: ChannelHandlerContext!
    private var machine: Machine
    private var deadlines = DeadlineQueue()
    private var livenessCheck: Scheduled<Void>?
    static var missesBeforeCheck: Int { Machine.missesBeforeCheck }
    static let livenessTimeout: TimeAmount = .seconds(1)
    private var flushScheduled = false
    private let onDraining: @Sendable () -> Void

    init(hello: Hello, limits: WireLimits, compressionThreshold: Int, helloPromise: EventLoopPromise<Hello>,
         onDraining: @escaping @Sendable () -> Void) {
        self.myHello = hello
        self.limits = limits
        self.compression = PayloadCompression(threshold: compressionThreshold)
        self.frames = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: limits.maxFrameSize))
        self.machine = Machine(maxFrameSize: limits.maxFrameSize)
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

    func startUnary(id: UInt32, method: UInt16, flags: FrameFlags, payload: ByteBuffer, deadline: NIODeadline?,
                    promise: EventLoopPromise<ByteBuffer>) {
        start(.unary(promise), kind: .unary, id: id, method: method, flags: flags, payload: payload, deadline: deadline)
    }

    func startStream(id: UInt32, method: UInt16, flags: FrameFlags, payload: ByteBuffer, deadline: NIODeadline?,
                     continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) {
        start(.stream(continuation), kind: .stream, id: id, method: method, flags: flags, payload: payload, deadline: deadline)
    }

    /// Sends a call's REQUEST, or fails the call at once when this connection cannot take it.
    private func start(_ call: Call, kind: Machine.Kind, id: UInt32, method: UInt16, flags: FrameFlags, payload: ByteBuffer,
                       deadline: NIODeadline?) {
        switch machine.start(call, kind: kind, id: id, deadline: deadline, now: context.eventLoop.now) {
        case .fail(let call, let error):
            finish(call, with: error)
        case .send(let budget):
            if let deadline { track(id, deadline) }
            send(.request, id: id, method: method, budget: budget, flags: flags, payload: payload)
        }
    }

    func ping(id: UInt32, deadline: NIODeadline, promise: EventLoopPromise<NIODeadline>) {
        switch machine.start(.ping(promise), kind: .ping, id: id, deadline: deadline, now: context.eventLoop.now) {
        case .fail(let call, let error):
            finish(call, with: error)
        case .send:
            track(id, deadline)
            var payload = context.channel.allocator.buffer(capacity: 8)
            payload.writeInteger(UInt64(NIODeadline.now().uptimeNanoseconds))
            writeControl(Frame(.ping, requestID: id, payload: payload))
        }
    }

    /// The caller gave up: tell the server and forget the call.
    func cancel(id: UInt32, error: RPCError) {
        guard let ended = machine.end(id) else { return }
        finish(ended.call, with: error)
        writeControl(Frame(.cancel, requestID: id))
        closeIfDrained()
    }

    /// After the server's GOAWAY, the connection is closed as soon as nothing is pending on it: the
    /// draining server is waiting for that, and new calls go to a new connection anyway.
    private func closeIfDrained() {
        if machine.closesWhenDrained() { context.close(promise: nil) }
    }

    /// Writes and flushes a small control frame (HELLO, PING, CANCEL), which always fits any frame limit.
    private func writeControl(_ frame: Frame) {
        var out = context.channel.allocator.buffer(capacity: FrameHeader.size + frame.payload.readableBytes)
        try? FrameEncoder.encode(frame, into: &out, maxFrameSize: WireLimits.defaults.maxFrameSize)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    private func isLive(_ entry: DeadlineQueue.Entry) -> Bool {
        machine.isWaiting(entry.id, on: entry.deadline)
    }

    private func track(_ id: UInt32, _ deadline: NIODeadline) {
        if deadlines.add(id, deadline, liveCount: machine.pendingCount, isLive: isLive) {
            armDeadlineTimer()
        }
    }

    private func armDeadlineTimer() {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(on: context.eventLoop, isLive: isLive) { handler.value.deadlinesDue() }
    }

    private func deadlinesDue() {
        deadlines.timerFired()
        let passed = deadlines.popExpired(now: context.eventLoop.now, isLive: isLive).map(\.id)
        let (expired, checkLiveness) = machine.deadlinesPassed(passed)
        for (id, ended) in expired {
            finish(ended.call, with: RPCError.deadlineExceeded("no answer before the deadline"))
            writeControl(Frame(.cancel, requestID: id))
        }
        closeIfDrained()
        if checkLiveness { checkPeerIsAlive() }
        armDeadlineTimer()
    }

    /// A PING with id 0 (its PONG, like any frame read, proves the peer alive); nothing read before the
    /// liveness timeout closes the connection.
    private func checkPeerIsAlive() {
        writeControl(Frame(.ping, requestID: 0, payload: ByteBuffer(integer: UInt64(0))))
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        livenessCheck = context.eventLoop.scheduleTask(in: Self.livenessTimeout) {
            let handler = handler.value
            handler.livenessCheck = nil
            if handler.machine.livenessTimerFired() { handler.context.close(promise: nil) }
        }
    }

    /// Sends a frame-ready request (see `FrameEncoder.reserveHeader`), compressed when worthwhile.
    private func send(_ kind: FrameKind, id: UInt32, method: UInt16, budget: UInt32, flags: FrameFlags, payload framed: ByteBuffer) {
        guard let frame = FrameEncoder.outgoing(
            kind, requestID: id, method: method, deadlineBudgetMilliseconds: budget, flags: flags, framed,
            maxFrameSize: machine.serverMaxFrameSize, compression: machine.serverAcceptsZlib ? compression : nil,
            allocator: context.channel.allocator)
        else {
            machine.end(id).map { finish($0.call, with: RPCError(.resourceExhausted,
                "request of \(framed.readableBytes - FrameHeader.size) bytes exceeds the server's frame limit of \(machine.serverMaxFrameSize)")) }
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
        machine.read()
        let buffer = unwrapInboundIn(data)
        do {
            try frames.process(buffer: buffer) { receive($0) }
        } catch let error as WireError where error.code == .badMagic && machine.phase == .handshaking
                                             && Self.startsATLSRecord(buffer) {
            errorCaught(context: context, error: RPCError.unavailable(
                "the server speaks TLS and this client does not: give it a PKI (--pki and --as, or ANLAN_PKI and ANLAN_AS)"))
        } catch {
            errorCaught(context: context, error: error)
        }
    }

    /// Whether bytes that are not a frame begin a TLS record (an alert or a handshake, version 3.x).
    static func startsATLSRecord(_ buffer: ByteBuffer) -> Bool {
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
              let major = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self) else { return false }
        return (type == 0x15 || type == 0x16) && major == 0x03
    }

    private func receive(_ frame: Frame) {
        if machine.phase == .handshaking {
            return receiveHello(frame)
        }
        switch frame.kind {
        case .response:
            guard let ended = machine.end(frame.requestID) else { return }
            switch payload(of: frame) {
            case .success(let payload): succeed(ended.call, payload)
            case .failure(let error): finish(ended.call, with: error)
            }
        case .stream:
            guard case .stream(let continuation) = machine.stream(frame.requestID) else { return }
            switch payload(of: frame) {
            case .success(let payload): continuation.yield(payload)
            case .failure(let error):
                _ = machine.end(frame.requestID)
                continuation.finish(throwing: error)
            }
        case .error:
            let error = RPCError(frame.header.status, errorMessage(frame, otherwise: "(unreadable message)"))
            if frame.requestID == 0 {
                for ended in machine.connectionFailed() { finish(ended.call, with: error) }
                context.close(promise: nil)
            } else if let ended = machine.end(frame.requestID) {
                finish(ended.call, with: error)
            }
        case .pong:
            if case .ping(let promise) = machine.pong(frame.requestID) {
                promise.succeed(.now())
            }
        case .goAway:
            let goAway = try? GoAway(decoding: frame.payload, limits: limits)
            // Calls the server will not process can be retried safely elsewhere.
            let unprocessed = machine.goAway(lastRequestID: goAway?.lastRequestID ?? 0)
            onDraining()
            for ended in unprocessed {
                finish(ended.call, with: RPCError(.notProcessed, "server is draining (\(goAway?.reason ?? "GOAWAY")); retry"))
            }
        default:
            break
        }
        closeIfDrained()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadlines.cancelTimer()
        livenessCheck?.cancel()
        helloPromise.fail(RPCError.unavailable("connection closed before the server's HELLO"))
        for ended in machine.channelInactive() { finish(ended.call, with: RPCError.unavailable("connection closed")) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let rpcError = RPCError.from(error)
        helloPromise.fail(rpcError)
        let failure = RPCError(rpcError.status == .internal ? .unavailable : rpcError.status,
                               "connection failed: \(rpcError.message)", cause: rpcError)
        for ended in machine.connectionFailed() { finish(ended.call, with: failure) }
        context.close(promise: nil)
    }

    private func receiveHello(_ frame: Frame) {
        let limits = self.limits
        switch machine.firstFrame(kind: frame.kind, status: frame.header.status,
                                  decode: { try Hello(decoding: frame.payload, limits: limits) },
                                  refusal: { errorMessage(frame, otherwise: "handshake refused") }, mine: myHello) {
        case .ready(let hello):
            helloPromise.succeed(hello)
        case .fail(let error):
            helloPromise.fail(error)
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

    private func succeed(_ call: Call, _ payload: ByteBuffer) {
        switch call {
        case .unary(let promise):
            promise.succeed(payload)
        case .stream(let continuation):
            continuation.finish()
        case .ping(let promise):
            promise.succeed(.now())
        }
    }

    private func finish(_ call: Call, with error: RPCError) {
        switch call {
        case .unary(let promise):
            promise.fail(error)
        case .stream(let continuation):
            continuation.finish(throwing: error)
        case .ping(let promise):
            promise.fail(error)
        }
    }
}
