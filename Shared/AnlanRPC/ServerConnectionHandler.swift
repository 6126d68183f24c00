import AnlanWire
import Logging
import NIOCore
import NIOSSL
import X509

/// One server-side connection: HELLO, dispatch of requests to the router, deadlines, cancel, backpressure,
/// graceful drain.
///
/// A thin runner of `ServerConnectionStateMachine`, which decides (phases, admission under the concurrency
/// limit, withheld reads, draining); this handler decodes frames, runs requests, writes, flushes once per
/// read burst, keeps the deadline timer, and closes when told.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: RPCRouter
    private let configuration: RPCServerConfiguration
    private let stats: ServerStatistics
    private var logger: Logger

    private var machine: ServerConnectionStateMachine
    private var context: ChannelHandlerContext!
    private var connectionInfo: RPCConnectionInfo!
    private var peerMaxFrameSize = WireLimits.defaults.maxFrameSize
    private var peerAcceptsZlib = false
    private let compression: PayloadCompression
    /// Frames are decoded here rather than by a handler in front: frames never travel the pipeline, so
    /// they are never boxed into `NIOAny` (NIO's fast path is for `ByteBuffer` only).
    private let frames: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private var deadlines = DeadlineQueue()
    private var inReadBurst = false
    private var flushPending = false
    /// Idle detection without per-write work: a repeating check every `idleTimeout` drains a connection
    /// that saw no request since the previous check and has nothing running (so after 1–2 × the timeout).
    private var idleCheck: RepeatedTask?
    /// After the client's GOAWAY: the close that ends what never finishes by itself (an open watch).
    private var drainGiveUp: Scheduled<Void>?

    init(router: RPCRouter, configuration: RPCServerConfiguration, stats: ServerStatistics, logger: Logger) {
        self.router = router
        self.configuration = configuration
        self.stats = stats
        self.logger = logger
        self.compression = PayloadCompression(threshold: configuration.compressionThreshold)
        self.frames = NIOSingleStepByteToMessageProcessor(FrameDecoder(maxFrameSize: configuration.limits.maxFrameSize))
        self.machine = ServerConnectionStateMachine(maxConcurrentRequests: configuration.maxConcurrentRequests)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if let remote = context.remoteAddress { logger[metadataKey: "peer"] = "\(remote)" }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleRepeatedTask(
            initialDelay: configuration.idleTimeout, delay: configuration.idleTimeout
        ) { _ in handler.value.checkIdle() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        drainGiveUp?.cancel()
    }

    private func checkIdle() {
        if machine.idleCheckFired() {
            logger.debug("closing idle connection")
            beginDrain(reason: "idle for \(configuration.idleTimeout)")
        }
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !machine.isClosed else { return }
        inReadBurst = true
        machine.bytesRead()
        do {
            try frames.process(buffer: unwrapInboundIn(data)) { frame in
                switch machine.phase {
                case .awaitingHello: receiveHello(frame)
                case .active, .draining: receive(frame)
                case .closed: break
                }
            }
        } catch {
            errorCaught(context: context, error: error)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        inReadBurst = false
        if flushPending {
            flushPending = false
            context.flush()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        for task in machine.channelInactive() {
            task.cancel()
        }
        deadlines.cancelTimer()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? WireError {
            logger.warning("closing connection after a malformed frame", metadata: ["error": "\(error)"])
            stats.malformedFrames.add(1)
            closeWithError(requestID: error.requestID ?? 0, status: error.status, message: error.description)
        } else {
            logger.debug("connection error", metadata: ["error": "\(error)"])
            closeIfOpen()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let drain = event as? ServerDrainEvent {
            beginDrain(reason: drain.reason)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    // MARK: Outbound

    func read(context: ChannelHandlerContext) {
        if machine.readRequested() {
            context.read()
        }
    }

    // MARK: Frames

    private func receiveHello(_ frame: Frame) {
        let mine = configuration.advertisedHello
        let limits = configuration.limits
        switch machine.firstFrame(kind: frame.kind, decode: { try Hello(decoding: frame.payload, limits: limits) },
                                  mine: mine, maxFrameSize: limits.maxFrameSize) {
        case .reply(let hello, let peerMaxFrameSize, let peerAcceptsZlib):
            if !hello.nodeID.isEmpty { logger[metadataKey: "peer-node"] = "\(hello.nodeID)" }
            connectionInfo = RPCConnectionInfo(peer: hello, peerCertificate: validatedPeerCertificate(),
                                               remoteAddress: context.remoteAddress, logger: logger,
                                               eventLoop: context.eventLoop)
            self.peerMaxFrameSize = peerMaxFrameSize
            self.peerAcceptsZlib = peerAcceptsZlib
            write(Frame(.hello, payload: mine.encoded(allocator: context.channel.allocator)))
        case .closeWithError(let status, let message):
            sendError(requestID: frame.kind == .hello ? 0 : frame.requestID, status: status, message: message)
            closeChannel()
        }
    }

    /// The peer's certificate as the TLS handler validated it (the handshake ends before any frame).
    private func validatedPeerCertificate() -> Certificate? {
        guard configuration.tls != nil,
              let tls = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self),
              let leaf = tls.peerValidatedCertificateChain?.leaf
        else { return nil }
        return try? RPCTLS.x509(leaf)
    }

    private func receive(_ frame: Frame) {
        switch frame.kind {
        case .request:
            let now = context.eventLoop.now
            switch machine.requestReceived(frame, at: now) {
            case .start: start(frame, received: now, now: now)
            case .queued: break
            case .answer(let status, let message): sendError(requestID: frame.requestID, status: status, message: message)
            case .closeWithError(let status, let message):
                sendError(requestID: 0, status: status, message: message)
                closeChannel()
            }
        case .cancel:
            switch machine.cancelReceived(frame.requestID) {
            case .cancelRunning(let request):
                request.task?.cancel()
                stats.cancelled.add(1)
                requestEnded()
            case .droppedQueued:
                requestEnded()
            case .none:
                break
            }
        case .ping:
            write(Frame(.pong, requestID: frame.requestID, payload: frame.payload))
        case .goAway:
            switch machine.goAwayReceived() {
            case .close:
                closeChannel()
            case .closeAfterDrainTimeout where drainGiveUp == nil:
                let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
                drainGiveUp = context.eventLoop.scheduleTask(in: TimeAmount(configuration.drainTimeout)) {
                    handler.value.logger.debug("closing after the client's GOAWAY: the drain timeout passed")
                    handler.value.closeIfOpen()
                }
            case .closeAfterDrainTimeout, .goAway, .none:
                break
            }
        case .hello:
            closeWithError(requestID: 0, status: .protocolError, message: "HELLO sent twice")
        case .response, .error, .stream, .pong:
            logger.debug("ignoring unexpected frame from client", metadata: ["kind": "\(frame.kind)"])
        default:
            // With id 0 there is nothing to answer: an ERROR with id 0 would say the connection failed.
            guard frame.requestID != 0 else {
                return logger.debug("ignoring a frame of unknown kind with id 0", metadata: ["kind": "\(frame.kind.rawValue)"])
            }
            sendError(requestID: frame.requestID, status: .unimplemented,
                      message: "frame kind 0x\(String(frame.kind.rawValue, radix: 16)) is not supported by this node")
        }
    }

    /// Runs a request received at `received`; `now` is the caller's clock reading (one read per request
    /// for one that did not wait in the queue: a clock read is a measurable share of an echo's cost).
    private func start(_ frame: Frame, received: NIODeadline, now: NIODeadline) {
        let id = frame.requestID
        stats.requests.add(1)
        guard let entry = router.entries[frame.header.method] else {
            stats.failures.add(1)
            return sendError(requestID: id, status: .unimplemented, message: "no method with id \(frame.header.method)")
        }
        var payload: ByteBuffer
        do {
            payload = frame.header.flags.contains(.compressed)
                ? try compression.decompress(frame.payload, limits: configuration.limits, requestID: id,
                                             allocator: context.channel.allocator)
                : frame.payload
        } catch {
            return errorCaught(context: context, error: error)
        }
        var credential: RPCCredential?
        if frame.header.flags.contains(.credential) {
            do {
                credential = try RPCCredential.split(&payload)
            } catch {
                return fail(id, method: frame.header.method, started: now, error)
            }
        }
        let budget = frame.header.deadlineBudgetMilliseconds
        let deadline = budget == 0 ? nil : received + .milliseconds(Int64(budget))
        if let deadline, deadline <= now {
            // It waited in the queue past its deadline: the caller has given up; do not run it.
            stats.deadlineExceeded.add(1)
            return fail(id, method: frame.header.method, started: now,
                        RPCError(.deadlineExceeded, "deadline passed while the request was queued"))
        }
        let requestContext = RPCRequestContext(method: entry.name, requestID: id, deadline: deadline,
                                               connection: connectionInfo, credential: credential)
        let request = payload

        switch entry.handler {
        case .inline(let body):
            do {
                let response = try body(request, requestContext)
                respond(id, method: frame.header.method, started: now, response)
            } catch {
                fail(id, method: frame.header.method, started: now, RPCError.from(error))
            }
        case .async(let body, let onEventLoop):
            runInTask(id, method: frame.header.method, deadline: deadline, isStream: false, started: now,
                      on: onEventLoop ? connectionInfo.executor : nil) {
                try await body(request, requestContext)
            }
        case .stream(let body):
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            let send: @Sendable (ByteBuffer) async throws -> Void = { message in
                try await eventLoop.flatSubmit { handler.value.sendStreamMessage(id, message) }.get()
            }
            runInTask(id, method: frame.header.method, deadline: deadline, isStream: true, started: now) {
                try await body(request, requestContext, send)
                return EmptyMessage().encodedFrame()  // the RESPONSE that ends the stream
            }
        }
    }

    /// Runs an async or streaming handler in a task, tracked in flight until `complete` brings its result
    /// back to the event loop (or a cancel or the deadline ends it first).
    ///
    /// With `executor`, the task runs on this connection's event loop and its result is completed there
    /// without another hop.
    private func runInTask(_ id: UInt32, method: UInt16, deadline: NIODeadline?, isStream: Bool, started: NIODeadline,
                           on executor: EventLoopTaskExecutor? = nil, _ body: @escaping @Sendable () async throws -> ByteBuffer) {
        machine.run(id, .init(task: nil, deadline: deadline, isStream: isStream, method: method, started: started))
        track(id, deadline)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let task = Task(executorPreference: executor) {
            let result: Result<ByteBuffer, RPCError>
            do {
                if let executor {
                    result = .success(try await EventLoopTaskExecutor.$current.withValue(executor) { try await body() })
                } else {
                    result = .success(try await body())
                }
            } catch {
                result = .failure(RPCError.from(error))
            }
            if eventLoop.inEventLoop {
                handler.value.complete(id, result)
            } else {
                eventLoop.execute { handler.value.complete(id, result) }
            }
        }
        machine.started(id, task: task)
    }

    private func isLive(_ entry: DeadlineQueue.Entry) -> Bool {
        machine.isWaiting(entry.id, on: entry.deadline)
    }

    private func track(_ id: UInt32, _ deadline: NIODeadline?) {
        guard let deadline else { return }
        if deadlines.add(id, deadline, liveCount: machine.runningCount, isLive: isLive) {
            armDeadlineTimer()
        }
    }

    private func armDeadlineTimer() {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(on: context.eventLoop, isLive: isLive) { handler.value.deadlinesDue() }
    }

    private func deadlinesDue() {
        guard !machine.isClosed else { return }
        deadlines.timerFired()
        for entry in deadlines.popExpired(now: context.eventLoop.now, isLive: isLive) {
            deadlineExpired(entry.id)
        }
        armDeadlineTimer()
    }

    private func deadlineExpired(_ id: UInt32) {
        guard let request = machine.ended(id) else { return }
        request.task?.cancel()
        stats.deadlineExceeded.add(1)
        fail(id, method: request.method, started: request.started,
             RPCError(.deadlineExceeded, "deadline exceeded after \(context.eventLoop.now - request.started)"))
        requestEnded()
    }

    /// An async or streaming handler finished (ignored when the request was cancelled or timed out).
    private func complete(_ id: UInt32, _ result: Result<ByteBuffer, RPCError>) {
        guard let request = machine.ended(id) else { return }
        switch result {
        case .success(let payload): respond(id, method: request.method, started: request.started, payload)
        case .failure(let error): fail(id, method: request.method, started: request.started, error)
        }
        requestEnded()
    }

    private func sendStreamMessage(_ id: UInt32, _ payload: ByteBuffer) -> EventLoopFuture<Void> {
        guard !machine.isClosed, machine.isRunning(id) else {
            return context.eventLoop.makeFailedFuture(CancellationError())
        }
        guard let frame = outgoing(.stream, id: id, payload) else {
            return context.eventLoop.makeFailedFuture(RPCError(.resourceExhausted,
                "stream message of \(payload.readableBytes - FrameHeader.size) bytes exceeds the peer's frame limit"))
        }
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(frame), promise: promise)
        return promise.futureResult
    }

    private func respond(_ id: UInt32, method: UInt16, started: NIODeadline, _ payload: ByteBuffer) {
        guard let frame = outgoing(.response, id: id, payload) else {
            return fail(id, method: method, started: started, RPCError(.resourceExhausted,
                "response of \(payload.readableBytes - FrameHeader.size) bytes exceeds the caller's frame limit of \(peerMaxFrameSize)"))
        }
        stats.record(method: method, latency: context.eventLoop.now - started, failed: false)
        context.write(wrapOutboundOut(frame), promise: nil)
        scheduleFlush()
    }

    private func fail(_ id: UInt32, method: UInt16, started: NIODeadline, _ error: RPCError) {
        stats.failures.add(1)
        stats.record(method: method, latency: context.eventLoop.now - started, failed: true)
        sendError(requestID: id, status: error.status, message: error.message)
    }

    /// The frame for a frame-ready buffer (payload after a reserved header), compressed when worthwhile and
    /// completed in place; nil when it cannot fit the peer's limit.
    private func outgoing(_ kind: FrameKind, id: UInt32, _ framed: ByteBuffer) -> ByteBuffer? {
        FrameEncoder.outgoing(kind, requestID: id, framed, maxFrameSize: peerMaxFrameSize,
                              compression: peerAcceptsZlib ? compression : nil, allocator: context.channel.allocator)
    }

    private func sendError(requestID: UInt32, status: WireStatus, message: String) {
        let payload = ErrorPayload(message: message).encoded(allocator: context.channel.allocator)
        write(Frame(.error, requestID: requestID, status: status, payload: payload))
    }

    private func write(_ frame: Frame) {
        var out = context.channel.allocator.buffer(capacity: FrameHeader.size + frame.payload.readableBytes)
        // Control frames are small; a failure here would be a programming error, reported as internal.
        do {
            try FrameEncoder.encode(frame, into: &out, maxFrameSize: WireLimits.defaults.maxFrameSize)
        } catch {
            logger.error("could not encode a control frame", metadata: ["error": "\(error)"])
            return
        }
        context.write(wrapOutboundOut(out), promise: nil)
        scheduleFlush()
    }

    /// Flushes once per read burst or once per event-loop tick, so many answers share one syscall.
    private func scheduleFlush() {
        guard !flushPending else { return }
        flushPending = true
        if !inReadBurst {
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.execute { handler.value.flushIfPending() }
        }
    }

    private func flushIfPending() {
        guard flushPending, !machine.isClosed else { return }
        flushPending = false
        context.flush()
    }

    private func flushNow() {
        flushPending = false
        context.flush()
    }

    /// Answers with an ERROR (`requestID` 0: about the connection) and closes, unless already closed.
    private func closeWithError(requestID: UInt32, status: WireStatus, message: String) {
        guard machine.close() else { return }
        sendError(requestID: requestID, status: status, message: message)
        closeChannel()
    }

    /// After a request ended: starts what waited in the queue, reads again, closes a drained connection.
    private func requestEnded() {
        while let next = machine.nextToStart() {
            start(next.frame, received: next.received, now: context.eventLoop.now)
        }
        let (resumeReading, close) = machine.requestsEnded()
        if resumeReading { context.read() }
        if close { closeChannel() }
    }

    private func beginDrain(reason: String) {
        switch machine.drain() {
        case .goAway(let lastRequestID, let close):
            write(Frame(.goAway, payload: GoAway(lastRequestID: lastRequestID, reason: reason).encoded()))
            flushNow()
            if close { closeChannel() }
        case .close:
            closeChannel()
        case .closeAfterDrainTimeout, .none:
            break
        }
    }

    private func closeIfOpen() {
        if machine.close() { closeChannel() }
    }

    /// Flushes what was written (answers queued in this tick must not be lost), then closes; the machine
    /// is already closed.
    private func closeChannel() {
        flushPending = false
        context.flush()
        context.close(promise: nil)
    }
}
