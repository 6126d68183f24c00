import AnlanWire
import Logging
import NIOCore

/// One server-side connection: HELLO, dispatch of requests to the router, deadlines, cancel, backpressure,
/// graceful drain.
///
/// States: `awaitingHello` → `active` → `draining` → `closed`. At most `maxConcurrentRequests` requests run
/// at once; beyond that, requests already decoded wait in a queue and the handler stops asking the socket
/// for more bytes (it withholds `read()`), so a flood is held back by TCP instead of by memory.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State { case awaitingHello, active, draining, closed }

    private struct InFlight {
        var task: Task<Void, Never>?
        let deadline: NIODeadline?
        /// Streams (watches) may last as long as the caller listens: they do not count against the limit.
        let isStream: Bool
        let method: UInt16
        let started: NIODeadline
    }

    private let router: RPCRouter
    private let configuration: RPCServerConfiguration
    private let stats: ServerStatistics
    private var logger: Logger

    private var state = State.awaitingHello
    private var context: ChannelHandlerContext!
    private var connectionInfo: RPCConnectionInfo!
    private var peerMaxFrameSize = WireLimits.defaults.maxFrameSize
    private var peerAcceptsZlib = false
    private let compression: PayloadCompression
    /// Frames are decoded here rather than by a handler in front: frames never travel the pipeline, so
    /// they are never boxed into `NIOAny` (NIO's fast path is for `ByteBuffer` only).
    private let frames: NIOSingleStepByteToMessageProcessor<FrameDecoder>
    private var inFlight: [UInt32: InFlight] = [:]
    private var streamsInFlight = 0
    private var deadlines = DeadlineQueue()
    private var queued = CircularBuffer<(frame: Frame, received: NIODeadline)>()
    private var readWithheld = false
    private var inReadBurst = false
    private var flushPending = false
    private var highestRequestID: UInt32 = 0
    /// Idle detection without per-write work: a repeating check every `idleTimeout` drains a connection
    /// that saw no request since the previous check and has nothing running (so after 1–2 × the timeout).
    private var sawTraffic = true
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
        if !sawTraffic, inFlight.isEmpty, queued.isEmpty {
            logger.debug("closing idle connection")
            beginDrain(reason: "idle for \(configuration.idleTimeout)")
        }
        sawTraffic = false
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard state != .closed else { return }
        inReadBurst = true
        sawTraffic = true
        do {
            try frames.process(buffer: unwrapInboundIn(data)) { frame in
                switch state {
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
        state = .closed
        idleCheck?.cancel()
        for (_, request) in inFlight {
            request.task?.cancel()
        }
        deadlines.cancelTimer()
        inFlight.removeAll()
        streamsInFlight = 0
        queued.removeAll()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? WireError {
            logger.warning("closing connection after a malformed frame", metadata: ["error": "\(error)"])
            stats.malformedFrames.add(1)
            closeWithError(requestID: error.requestID ?? 0, status: error.status, message: error.description)
        } else {
            logger.debug("connection error", metadata: ["error": "\(error)"])
            close()
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
        if running + queued.count >= configuration.maxConcurrentRequests {
            readWithheld = true
        } else {
            context.read()
        }
    }

    // MARK: Frames

    private func receiveHello(_ frame: Frame) {
        guard frame.kind == .hello else {
            return closeWithError(requestID: frame.requestID, status: .protocolError,
                                  message: "expected HELLO, got \(frame.kind)")
        }
        do {
            let hello = try Hello(decoding: frame.payload, limits: configuration.limits)
            let mine = configuration.advertisedHello
            guard mine.agreedVersion(with: hello) != nil else {
                return closeWithError(requestID: 0, status: .protocolError,
                    message: "no common protocol version: peer speaks \(hello.minVersion)–\(hello.maxVersion), this node \(mine.minVersion)–\(mine.maxVersion)")
            }
            guard hello.maxFrameSize >= Hello.minimumMaxFrameSize else {
                return closeWithError(requestID: 0, status: .protocolError,
                    message: "HELLO's max_frame_size \(hello.maxFrameSize) is below the minimum of \(Hello.minimumMaxFrameSize)")
            }
            if !hello.nodeID.isEmpty { logger[metadataKey: "peer-node"] = "\(hello.nodeID)" }
            connectionInfo = RPCConnectionInfo(peer: hello, remoteAddress: context.remoteAddress, logger: logger,
                                               eventLoop: context.eventLoop)
            peerMaxFrameSize = min(Int(hello.maxFrameSize), configuration.limits.maxFrameSize)
            peerAcceptsZlib = hello.compression.contains(.zlib)
            state = .active
            write(Frame(.hello, payload: mine.encoded(allocator: context.channel.allocator)))
        } catch {
            closeWithError(requestID: 0, status: .protocolError, message: "malformed HELLO: \(error)")
        }
    }

    private func receive(_ frame: Frame) {
        switch frame.kind {
        case .request:
            highestRequestID = max(highestRequestID, frame.requestID)
            if state == .draining {
                sendError(requestID: frame.requestID, status: .notProcessed, message: "server is draining; retry elsewhere")
            } else if frame.requestID == 0 {
                closeWithError(requestID: 0, status: .protocolError, message: "request id 0 is reserved for the connection")
            } else if inFlight[frame.requestID] != nil || queued.contains(where: { $0.frame.requestID == frame.requestID }) {
                sendError(requestID: frame.requestID, status: .invalidArgument,
                          message: "request id \(frame.requestID) is already in flight on this connection")
            } else if running >= configuration.maxConcurrentRequests {
                queued.append((frame, .now()))
            } else {
                let now = NIODeadline.now()
                start(frame, received: now, now: now)
            }
        case .cancel:
            if let request = removeInFlight(frame.requestID) {
                request.task?.cancel()
                stats.cancelled.add(1)
                requestFinished()
            } else if let index = queued.firstIndex(where: { $0.frame.requestID == frame.requestID }) {
                queued.remove(at: index)
                requestFinished()
            }
        case .ping:
            write(Frame(.pong, requestID: frame.requestID, payload: frame.payload))
        case .goAway:
            // The client will send nothing more: finish what it asked, then close — at the latest after the
            // drain timeout, since an open stream (a watch) never finishes by itself.
            state = .draining
            closeIfDrained()
            if state == .draining, drainGiveUp == nil {
                let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
                drainGiveUp = context.eventLoop.scheduleTask(in: TimeAmount(configuration.drainTimeout)) {
                    handler.value.logger.debug("closing after the client's GOAWAY: the drain timeout passed")
                    handler.value.close()
                }
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
        let payload: ByteBuffer
        do {
            payload = frame.header.flags.contains(.compressed)
                ? try compression.decompress(frame.payload, limits: configuration.limits, requestID: id,
                                             allocator: context.channel.allocator)
                : frame.payload
        } catch {
            return errorCaught(context: context, error: error)
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
                                               connection: connectionInfo)

        switch entry.handler {
        case .inline(let body):
            do {
                let response = try body(payload, requestContext)
                respond(id, method: frame.header.method, started: now, response)
            } catch {
                fail(id, method: frame.header.method, started: now, RPCError.from(error))
            }
        case .async(let body, let onEventLoop):
            runInTask(id, method: frame.header.method, deadline: deadline, isStream: false, started: now,
                      on: onEventLoop ? connectionInfo.executor : nil) {
                try await body(payload, requestContext)
            }
        case .stream(let body):
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            let send: @Sendable (ByteBuffer) async throws -> Void = { message in
                try await eventLoop.flatSubmit { handler.value.sendStreamMessage(id, message) }.get()
            }
            runInTask(id, method: frame.header.method, deadline: deadline, isStream: true, started: now) {
                try await body(payload, requestContext, send)
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
        inFlight[id] = InFlight(task: nil, deadline: deadline, isStream: isStream, method: method, started: started)
        if isStream { streamsInFlight += 1 }
        track(id, deadline)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        inFlight[id]?.task = Task(executorPreference: executor) {
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
    }

    private func removeInFlight(_ id: UInt32) -> InFlight? {
        guard let request = inFlight.removeValue(forKey: id) else { return nil }
        if request.isStream { streamsInFlight -= 1 }
        return request
    }

    /// Requests counted against `maxConcurrentRequests` (streams are not).
    private var running: Int { inFlight.count - streamsInFlight }

    private func isLive(_ entry: DeadlineQueue.Entry) -> Bool {
        inFlight[entry.id]?.deadline == entry.deadline
    }

    private func track(_ id: UInt32, _ deadline: NIODeadline?) {
        guard let deadline else { return }
        if deadlines.add(id, deadline, liveCount: inFlight.count, isLive: isLive) {
            armDeadlineTimer()
        }
    }

    private func armDeadlineTimer() {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(on: context.eventLoop, isLive: isLive) { handler.value.deadlinesDue() }
    }

    private func deadlinesDue() {
        guard state != .closed else { return }
        deadlines.timerFired()
        for entry in deadlines.popExpired(now: .now(), isLive: isLive) {
            deadlineExpired(entry.id)
        }
        armDeadlineTimer()
    }

    private func deadlineExpired(_ id: UInt32) {
        guard let request = removeInFlight(id) else { return }
        request.task?.cancel()
        stats.deadlineExceeded.add(1)
        fail(id, method: request.method, started: request.started,
             RPCError(.deadlineExceeded, "deadline exceeded after \(NIODeadline.now() - request.started)"))
        requestFinished()
    }

    /// An async or streaming handler finished (ignored when the request was cancelled or timed out).
    private func complete(_ id: UInt32, _ result: Result<ByteBuffer, RPCError>) {
        guard state != .closed, let request = removeInFlight(id) else { return }
        switch result {
        case .success(let payload): respond(id, method: request.method, started: request.started, payload)
        case .failure(let error): fail(id, method: request.method, started: request.started, error)
        }
        requestFinished()
    }

    private func sendStreamMessage(_ id: UInt32, _ payload: ByteBuffer) -> EventLoopFuture<Void> {
        guard state != .closed, inFlight[id] != nil else {
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
        stats.record(method: method, latency: NIODeadline.now() - started, failed: false)
        context.write(wrapOutboundOut(frame), promise: nil)
        scheduleFlush()
    }

    private func fail(_ id: UInt32, method: UInt16, started: NIODeadline, _ error: RPCError) {
        stats.failures.add(1)
        stats.record(method: method, latency: NIODeadline.now() - started, failed: true)
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
        guard flushPending, state != .closed else { return }
        flushPending = false
        context.flush()
    }

    private func flushNow() {
        flushPending = false
        context.flush()
    }

    /// Answers with an ERROR (`requestID` 0: about the connection) and closes; `close` flushes it first.
    private func closeWithError(requestID: UInt32, status: WireStatus, message: String) {
        sendError(requestID: requestID, status: status, message: message)
        close()
    }

    private func requestFinished() {
        while state != .closed, running < configuration.maxConcurrentRequests, let next = queued.popFirst() {
            start(next.frame, received: next.received, now: .now())
        }
        if readWithheld, state != .closed, running + queued.count < configuration.maxConcurrentRequests {
            readWithheld = false
            context.read()
        }
        closeIfDrained()
    }

    private func beginDrain(reason: String) {
        guard state == .active || state == .awaitingHello else { return }
        let wasActive = state == .active
        state = .draining
        if wasActive {
            write(Frame(.goAway, payload: GoAway(lastRequestID: highestRequestID, reason: reason).encoded()))
        }
        flushNow()
        closeIfDrained()
    }

    private func closeIfDrained() {
        if state == .draining, inFlight.isEmpty, queued.isEmpty { close() }
    }

    /// Flushes what was written (answers queued in this tick must not be lost), then closes.
    private func close() {
        guard state != .closed else { return }
        state = .closed
        flushPending = false
        context.flush()
        context.close(promise: nil)
    }
}
