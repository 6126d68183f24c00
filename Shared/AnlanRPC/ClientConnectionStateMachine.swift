import AnlanWire
import NIOCore

/// What one client-side connection is doing (客户端连接状态机), with no I/O: the calls waiting for an
/// answer, the handshake, GOAWAY, deadlines and the dead-peer check. Each event goes in and what to do
/// comes back (send, fail these calls, PING, close); `Call` is whatever completes a call (a promise, a
/// stream's continuation), never touched here.
///
/// Phases: `handshaking` → `ready` → `draining` (the server's GOAWAY) → `closed`.
///
/// Dead-peer detection: calls that missed their deadline with nothing read since. At
/// `missesBeforeCheck` a PING (id 0) goes out; if nothing at all is read before the liveness timer fires,
/// the connection is closed and the next call dials again — a cut link leaves TCP established for tens
/// of seconds (its retransmission back-off), and every call would wait out its deadline on it meanwhile.
struct ClientConnectionStateMachine<Call> {
    enum Phase: Equatable { case handshaking, ready, draining, closed }

    /// What a call waits for: one RESPONSE, STREAM messages until a RESPONSE, or a PONG.
    enum Kind: Equatable { case unary, stream, ping }

    struct Pending {
        let call: Call
        let kind: Kind
        let deadline: NIODeadline?
    }

    static var missesBeforeCheck: Int { 2 }

    private(set) var phase = Phase.handshaking
    /// The largest frame the server takes (the smaller of its HELLO and this client's limit).
    private(set) var serverMaxFrameSize: Int
    private(set) var serverAcceptsZlib = false
    private var pending: [UInt32: Pending] = [:]
    private var missesSinceRead = 0
    private var livenessCheckRunning = false
    private var closeRequested = false

    init(maxFrameSize: Int) {
        serverMaxFrameSize = maxFrameSize
    }

    var pendingCount: Int { pending.count }

    // MARK: Handshake

    enum HelloAction {
        case ready(Hello)
        /// Fail the handshake with this error and close.
        case fail(RPCError)
    }

    /// The server's first frame, of `kind`; `decode` reads its HELLO and `refusal` an ERROR's message.
    mutating func firstFrame(kind: FrameKind, status: WireStatus, decode: () throws -> Hello, refusal: () -> String,
                             mine: Hello) -> HelloAction {
        switch kind {
        case .hello:
            let hello: Hello
            do {
                hello = try decode()
            } catch {
                return refuse(RPCError(.protocolError, "malformed HELLO from server: \(error)"))
            }
            guard mine.agreedVersion(with: hello) != nil else {
                return refuse(RPCError(.protocolError,
                    "no common protocol version: server speaks \(hello.minVersion)–\(hello.maxVersion), this client \(mine.minVersion)–\(mine.maxVersion)"))
            }
            guard hello.maxFrameSize >= Hello.minimumMaxFrameSize else {
                return refuse(RPCError(.protocolError,
                    "the server's HELLO announces max_frame_size \(hello.maxFrameSize), below the minimum of \(Hello.minimumMaxFrameSize)"))
            }
            serverMaxFrameSize = min(Int(hello.maxFrameSize), serverMaxFrameSize)
            serverAcceptsZlib = hello.compression.contains(.zlib)
            phase = .ready
            return .ready(hello)
        case .error:
            return refuse(RPCError(status, refusal()))
        default:
            return refuse(RPCError(.protocolError, "expected HELLO from server, got \(kind)"))
        }
    }

    private mutating func refuse(_ error: RPCError) -> HelloAction {
        closeRequested = true
        return .fail(error)
    }

    // MARK: Calls

    enum StartAction {
        /// Send the REQUEST (or PING) with this budget in the header (0: none).
        case send(budgetMilliseconds: UInt32)
        /// Fail the call at once: this connection cannot take it.
        case fail(Call, RPCError)
    }

    /// A call wants to go out on this connection as request `id`.
    mutating func start(_ call: Call, kind: Kind, id: UInt32, deadline: NIODeadline?, now: NIODeadline) -> StartAction {
        if phase == .closed {
            return .fail(call, RPCError.unavailable("connection closed"))
        }
        if kind != .ping, phase == .draining {
            return .fail(call, RPCError(.notProcessed, "connection is draining; retry on a new connection"))
        }
        var budget: UInt32 = 0
        if let deadline, kind != .ping {
            let milliseconds = (deadline - now).nanoseconds / 1_000_000
            guard milliseconds >= 1 else {
                return .fail(call, RPCError.deadlineExceeded("deadline passed before the request was sent"))
            }
            budget = UInt32(clamping: milliseconds)
        }
        pending[id] = Pending(call: call, kind: kind, deadline: deadline)
        return .send(budgetMilliseconds: budget)
    }

    /// Whether `id` still waits on `deadline` (the deadline queue skips entries that do not).
    func isWaiting(_ id: UInt32, on deadline: NIODeadline) -> Bool {
        pending[id]?.deadline == deadline
    }

    /// The call `id` ends without an answer from the server (it could not be sent, the caller gave up,
    /// its stream failed): the call, or nil when it had already ended.
    mutating func end(_ id: UInt32) -> Pending? {
        pending.removeValue(forKey: id)
    }

    /// The call `id` if it waits for STREAM messages.
    func stream(_ id: UInt32) -> Call? {
        guard let waiting = pending[id], waiting.kind == .stream else { return nil }
        return waiting.call
    }

    /// A PONG for `id`: the ping it answers, if one waits.
    mutating func pong(_ id: UInt32) -> Call? {
        guard pending[id]?.kind == .ping else { return nil }
        return pending.removeValue(forKey: id)?.call
    }

    // MARK: Reads, deadlines and liveness

    /// Bytes arrived: the peer is alive.
    mutating func read() {
        missesSinceRead = 0
    }

    /// These calls passed their deadline: they end (the handler fails them and sends CANCEL). Answers
    /// whether a PING (id 0) must now check that the peer is alive (then arm the liveness timer).
    mutating func deadlinesPassed(_ ids: [UInt32]) -> (expired: [(id: UInt32, pending: Pending)], checkLiveness: Bool) {
        let expired = ids.compactMap { id in pending.removeValue(forKey: id).map { (id, $0) } }
        missesSinceRead += expired.count
        guard missesSinceRead >= Self.missesBeforeCheck, !livenessCheckRunning, phase != .closed else {
            return (expired, false)
        }
        livenessCheckRunning = true
        return (expired, true)
    }

    /// The liveness timer fired: whether to close (nothing read since the PING went out).
    mutating func livenessTimerFired() -> Bool {
        livenessCheckRunning = false
        guard missesSinceRead >= Self.missesBeforeCheck, phase != .closed, !closeRequested else { return false }
        closeRequested = true
        return true
    }

    // MARK: GOAWAY, errors, closing

    /// The server's GOAWAY: no new calls here; the calls above `lastRequestID` were never processed and
    /// end (safe to retry elsewhere).
    mutating func goAway(lastRequestID: UInt32) -> [Pending] {
        guard phase != .closed else { return [] }
        phase = .draining
        let unprocessed = pending.filter { $0.key > lastRequestID }
        for id in unprocessed.keys { pending.removeValue(forKey: id) }
        return Array(unprocessed.values)
    }

    /// Whether to close now: after GOAWAY, as soon as nothing waits (the draining server waits for that).
    mutating func closesWhenDrained() -> Bool {
        guard phase == .draining, pending.isEmpty, !closeRequested else { return false }
        closeRequested = true
        return true
    }

    /// An ERROR with id 0, a malformed frame, or the channel gone: every call ends.
    mutating func connectionFailed() -> [Pending] {
        closeRequested = true
        phase = .closed
        return endAll()
    }

    /// The channel went inactive: every call still waiting ends.
    mutating func channelInactive() -> [Pending] {
        phase = .closed
        return endAll()
    }

    private mutating func endAll() -> [Pending] {
        let calls = Array(pending.values)
        pending.removeAll()
        return calls
    }
}
