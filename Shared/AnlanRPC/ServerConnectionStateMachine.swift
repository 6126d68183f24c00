import AnlanWire
import NIOCore

/// What one server-side connection is doing (服务端连接状态机), with no I/O: each event the handler sees
/// goes in, and what to do comes back as an action the handler carries out (write, start, cancel, close).
///
/// Phases: `awaitingHello` → `active` → `draining` → `closed`. At most `maxConcurrentRequests` requests
/// run at once (streams do not count); beyond that, decoded requests wait in a queue and reading is
/// withheld, so a flood is held back by TCP instead of by memory. Draining (the server's GOAWAY, or the
/// client's) answers new requests `notProcessed`, finishes what runs, and closes when nothing is left.
struct ServerConnectionStateMachine {
    enum Phase: Equatable { case awaitingHello, active, draining, closed }

    /// A request being run: its task (once started), deadline, and what its answer is recorded under.
    struct Running {
        var task: Task<Void, Never>?
        let deadline: NIODeadline?
        /// Streams (watches) may last as long as the caller listens: they do not count against the limit.
        let isStream: Bool
        let method: UInt16
        let started: NIODeadline
    }

    /// A request that arrived while the limit was reached, with when it arrived (its deadline counts from then).
    struct Queued {
        let frame: Frame
        let received: NIODeadline
    }

    private(set) var phase = Phase.awaitingHello
    /// The highest request id received: GOAWAY's `last_request_id`.
    private(set) var highestRequestID: UInt32 = 0
    private var running: [UInt32: Running] = [:]
    private var streams = 0
    private var queued = CircularBuffer<Queued>()
    private var readWithheld = false
    /// Whether bytes arrived since the last idle check.
    private var sawTraffic = true
    private let maxConcurrentRequests: Int

    init(maxConcurrentRequests: Int) {
        self.maxConcurrentRequests = maxConcurrentRequests
    }

    /// Requests counted against the limit (streams are not).
    private var counted: Int { running.count - streams }

    var isClosed: Bool { phase == .closed }

    // MARK: HELLO

    enum HelloAction: Equatable {
        /// Answer with this node's HELLO to the peer's `hello`; send frames of at most `peerMaxFrameSize`,
        /// compressed if the peer takes zlib.
        case reply(Hello, peerMaxFrameSize: Int, peerAcceptsZlib: Bool)
        /// Answer ERROR with id 0 and close.
        case closeWithError(WireStatus, String)
    }

    /// The first frame arrived, of `kind`; `decode` reads its HELLO (called only when it is one).
    mutating func firstFrame(kind: FrameKind, decode: () throws -> Hello, mine: Hello, maxFrameSize: Int) -> HelloAction {
        guard phase == .awaitingHello else { return closeWithError(.protocolError, "HELLO sent twice") }
        guard kind == .hello else { return closeWithError(.protocolError, "expected HELLO, got \(kind)") }
        let hello: Hello
        do {
            hello = try decode()
        } catch {
            return closeWithError(.protocolError, "malformed HELLO: \(error)")
        }
        guard mine.agreedVersion(with: hello) != nil else {
            return closeWithError(.protocolError,
                "no common protocol version: peer speaks \(hello.minVersion)–\(hello.maxVersion), this node \(mine.minVersion)–\(mine.maxVersion)")
        }
        guard hello.maxFrameSize >= Hello.minimumMaxFrameSize else {
            return closeWithError(.protocolError,
                "HELLO's max_frame_size \(hello.maxFrameSize) is below the minimum of \(Hello.minimumMaxFrameSize)")
        }
        phase = .active
        return .reply(hello, peerMaxFrameSize: min(Int(hello.maxFrameSize), maxFrameSize), peerAcceptsZlib: hello.compression.contains(.zlib))
    }

    private mutating func closeWithError(_ status: WireStatus, _ message: String) -> HelloAction {
        phase = .closed
        return .closeWithError(status, message)
    }

    // MARK: Requests

    enum RequestAction: Equatable {
        /// Run it now.
        case start
        /// It waits for a running request to finish.
        case queued
        /// Answer ERROR for its id; the connection stays.
        case answer(WireStatus, String)
        /// Answer ERROR with id 0 and close.
        case closeWithError(WireStatus, String)
    }

    /// A REQUEST arrived (after HELLO).
    mutating func requestReceived(_ frame: Frame, at received: NIODeadline) -> RequestAction {
        let id = frame.requestID
        highestRequestID = max(highestRequestID, id)
        switch phase {
        case .draining:
            return .answer(.notProcessed, "server is draining; retry elsewhere")
        case .awaitingHello, .closed:
            return .answer(.protocolError, "no HELLO yet")
        case .active:
            break
        }
        if id == 0 {
            phase = .closed
            return .closeWithError(.protocolError, "request id 0 is reserved for the connection")
        }
        if running[id] != nil || queued.contains(where: { $0.frame.requestID == id }) {
            return .answer(.invalidArgument, "request id \(id) is already in flight on this connection")
        }
        if counted >= maxConcurrentRequests {
            queued.append(Queued(frame: frame, received: received))
            return .queued
        }
        return .start
    }

    /// A request is running as `request` (its task is added with `started(_:task:)`).
    mutating func run(_ id: UInt32, _ request: Running) {
        running[id] = request
        if request.isStream { streams += 1 }
    }

    /// The task running request `id`.
    mutating func started(_ id: UInt32, task: Task<Void, Never>) {
        running[id]?.task = task
    }

    /// Whether `id` is still waiting on `deadline` (the deadline queue skips entries that are not).
    func isWaiting(_ id: UInt32, on deadline: NIODeadline) -> Bool {
        running[id]?.deadline == deadline
    }

    var runningCount: Int { running.count }

    func isRunning(_ id: UInt32) -> Bool { running[id] != nil }

    /// Request `id` ended (answered, cancelled or past its deadline): what it was, or nil when it had
    /// already ended (or the connection closed).
    mutating func ended(_ id: UInt32) -> Running? {
        guard phase != .closed, let request = running.removeValue(forKey: id) else { return nil }
        if request.isStream { streams -= 1 }
        return request
    }

    enum CancelAction {
        /// Cancel its task (it ran).
        case cancelRunning(Running)
        /// It waited in the queue and is gone.
        case droppedQueued
        /// Nothing of that id: answered already, or never asked.
        case none
    }

    /// A CANCEL arrived for `id`.
    mutating func cancelReceived(_ id: UInt32) -> CancelAction {
        if let request = ended(id) { return .cancelRunning(request) }
        if let index = queued.firstIndex(where: { $0.frame.requestID == id }) {
            queued.remove(at: index)
            return .droppedQueued
        }
        return .none
    }

    /// After requests ended: the next queued request that may start now (the handler starts each before
    /// asking again, so one answered inline frees its place at once).
    mutating func nextToStart() -> Queued? {
        guard phase != .closed, counted < maxConcurrentRequests else { return nil }
        return queued.popFirst()
    }

    /// After requests ended and the queue was started: whether to read again (reading was withheld and
    /// there is room), and whether the draining connection closes now (nothing left).
    mutating func requestsEnded() -> (resumeReading: Bool, close: Bool) {
        guard phase != .closed else { return (false, false) }
        var resume = false
        if readWithheld, counted + queued.count < maxConcurrentRequests {
            readWithheld = false
            resume = true
        }
        return (resume, closesWhenDrained())
    }

    /// NIO asks for more bytes: whether to read (else reading is withheld until requests end).
    mutating func readRequested() -> Bool {
        if counted + queued.count >= maxConcurrentRequests {
            readWithheld = true
            return false
        }
        return true
    }

    // MARK: Draining and closing

    enum DrainAction: Equatable {
        case none
        /// Send GOAWAY with `lastRequestID` (then close at once if `close`).
        case goAway(lastRequestID: UInt32, close: Bool)
        /// Close now (nothing to announce or nothing left).
        case close
        /// Wait for what runs, closing at the latest after the drain timeout.
        case closeAfterDrainTimeout
    }

    /// The server shuts down or the connection was idle: announce GOAWAY and finish what runs.
    mutating func drain() -> DrainAction {
        switch phase {
        case .awaitingHello:
            phase = .closed
            return .close
        case .active:
            phase = .draining
            let close = closesWhenDrained()
            return .goAway(lastRequestID: highestRequestID, close: close)
        case .draining, .closed:
            return .none
        }
    }

    /// The client sent GOAWAY: it will send nothing more; finish what it asked, then close — at the
    /// latest after the drain timeout, since an open stream (a watch) never finishes by itself.
    mutating func goAwayReceived() -> DrainAction {
        guard phase == .active || phase == .draining else { return .none }
        phase = .draining
        return closesWhenDrained() ? .close : .closeAfterDrainTimeout
    }

    /// Bytes arrived (any frame counts against idleness).
    mutating func bytesRead() {
        sawTraffic = true
    }

    /// The idle check fired: drain when nothing arrived since the last check and nothing runs.
    mutating func idleCheckFired() -> Bool {
        defer { sawTraffic = false }
        return !sawTraffic && running.isEmpty && queued.isEmpty
    }

    /// The handler closes the connection (a protocol error, the drain timeout): whether it was open.
    mutating func close() -> Bool {
        guard phase != .closed else { return false }
        phase = .closed
        return true
    }

    /// The channel went inactive: every task still running, to cancel.
    mutating func channelInactive() -> [Task<Void, Never>] {
        phase = .closed
        let tasks = running.values.compactMap(\.task)
        running.removeAll()
        streams = 0
        queued.removeAll()
        return tasks
    }

    private mutating func closesWhenDrained() -> Bool {
        guard phase == .draining, running.isEmpty, queued.isEmpty else { return false }
        phase = .closed
        return true
    }
}
