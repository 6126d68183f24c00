@testable import AnlanRPC
import AnlanWire
import Logging
import NIOCore
import NIOEmbedded
import Testing

/// The server connection's state machine alone, event by event: handshake, admission under the limit,
/// cancel, deadlines, GOAWAY both ways, idleness, and every event after the close. Then its handler on
/// an `EmbeddedChannel` with manual time.
@Suite struct ServerConnectionStateMachineTests {
    typealias Machine = ServerConnectionStateMachine
    static let mine = Hello()

    static func active(limit: Int = 2) -> Machine {
        var machine = Machine(maxConcurrentRequests: limit)
        _ = machine.firstFrame(kind: .hello, decode: { Hello() }, mine: mine, maxFrameSize: 1 << 20)
        return machine
    }

    static func request(_ id: UInt32) -> Frame { Frame(.request, requestID: id, method: 7) }

    static func running(stream: Bool = false, deadline: NIODeadline? = nil) -> Machine.Running {
        .init(task: nil, deadline: deadline, isStream: stream, method: 7, started: .uptimeNanoseconds(0))
    }

    // MARK: Handshake

    struct HelloCase: Sendable, CustomStringConvertible {
        let name: String
        let kind: FrameKind
        let hello: Hello?
        let closes: Bool
        var description: String { name }
    }

    static let helloCases: [HelloCase] = [
        HelloCase(name: "a HELLO", kind: .hello, hello: Hello(), closes: false),
        HelloCase(name: "a REQUEST first", kind: .request, hello: nil, closes: true),
        HelloCase(name: "a malformed HELLO", kind: .hello, hello: nil, closes: true),
        HelloCase(name: "no common version", kind: .hello, hello: Hello(minVersion: 9, maxVersion: 9), closes: true),
        HelloCase(name: "a frame limit below 1024", kind: .hello, hello: Hello(maxFrameSize: 50), closes: true),
        HelloCase(name: "a frame limit of exactly 1024", kind: .hello, hello: Hello(maxFrameSize: 1024), closes: false),
    ]

    @Test(arguments: helloCases) func handshake(_ given: HelloCase) {
        var machine = Machine(maxConcurrentRequests: 4)
        let action = machine.firstFrame(kind: given.kind, decode: {
            guard let hello = given.hello else { throw WireError(.truncated, "truncated") }
            return hello
        }, mine: Self.mine, maxFrameSize: 64 * 1024)
        switch action {
        case .reply(_, let peerMax, _):
            #expect(!given.closes && machine.phase == .active)
            #expect(peerMax == min(Int(given.hello!.maxFrameSize), 64 * 1024), "the smaller of the two limits")
        case .closeWithError(let status, _):
            #expect(given.closes && status == .protocolError && machine.phase == .closed)
        }
    }

    // MARK: Requests

    @Test func requestsBeyondTheLimitWaitAndReadingIsWithheld() {
        var machine = Self.active(limit: 2)
        #expect(machine.requestReceived(Self.request(1), at: .now()) == .start)
        machine.run(1, Self.running())
        #expect(machine.requestReceived(Self.request(2), at: .now()) == .start)
        machine.run(2, Self.running())
        // A watch does not count against the limit.
        #expect(machine.requestReceived(Self.request(3), at: .now()) == .queued)
        #expect(machine.requestReceived(Self.request(4), at: .now()) == .queued)
        let reads = machine.readRequested()
        #expect(!reads, "two running and two waiting: stop reading")
        #expect(machine.requestReceived(Self.request(3), at: .now()) == .answer(.invalidArgument, "request id 3 is already in flight on this connection"))

        // One ends: the first that waited starts; reading stays withheld while three are still there.
        #expect(machine.ended(1) != nil)
        #expect(machine.nextToStart()?.frame.requestID == 3)
        machine.run(3, Self.running())
        #expect(machine.nextToStart() == nil, "the limit is reached again")
        #expect(machine.requestsEnded() == (resumeReading: false, close: false))
        #expect(machine.ended(1) == nil, "an answer that came twice is ignored")
        #expect(machine.ended(2) != nil && machine.nextToStart()?.frame.requestID == 4)
        machine.run(4, Self.running(stream: true))
        #expect(machine.requestsEnded() == (resumeReading: true, close: false), "one running and a watch: room to read")
        let readsAgain = machine.readRequested()
        #expect(readsAgain)
    }

    @Test func requestIDZeroClosesTheConnection() {
        var machine = Self.active()
        #expect(machine.requestReceived(Self.request(0), at: .now()) == .closeWithError(.protocolError, "request id 0 is reserved for the connection"))
        #expect(machine.isClosed)
    }

    @Test func cancelEndsARunningOrAWaitingRequest() {
        var machine = Self.active(limit: 1)
        _ = machine.requestReceived(Self.request(1), at: .now())
        machine.run(1, Self.running())
        _ = machine.requestReceived(Self.request(2), at: .now())
        guard case .droppedQueued = machine.cancelReceived(2) else { Issue.record("the waiting request was not dropped"); return }
        guard case .cancelRunning = machine.cancelReceived(1) else { Issue.record("the running request was not cancelled"); return }
        guard case .none = machine.cancelReceived(1) else { Issue.record("a second cancel found something"); return }
        #expect(machine.runningCount == 0 && machine.nextToStart() == nil)
    }

    @Test func aDeadlineIsLiveOnlyWhileItsRequestRuns() {
        var machine = Self.active()
        let deadline = NIODeadline.uptimeNanoseconds(5_000_000)
        _ = machine.requestReceived(Self.request(1), at: .now())
        machine.run(1, Self.running(deadline: deadline))
        #expect(machine.isWaiting(1, on: deadline) && !machine.isWaiting(1, on: deadline + .seconds(1)))
        _ = machine.ended(1)
        #expect(!machine.isWaiting(1, on: deadline))
    }

    // MARK: Draining

    @Test func theServersGoAwayFinishesWhatRunsAndRefusesWhatComes() {
        var machine = Self.active()
        _ = machine.requestReceived(Self.request(5), at: .now())
        machine.run(5, Self.running())
        #expect(machine.drain() == .goAway(lastRequestID: 5, close: false))
        #expect(machine.drain() == .none, "draining twice announces nothing more")
        #expect(machine.requestReceived(Self.request(6), at: .now()) == .answer(.notProcessed, "server is draining; retry elsewhere"))
        #expect(machine.highestRequestID == 6)
        _ = machine.ended(5)
        #expect(machine.requestsEnded() == (resumeReading: false, close: true))
        #expect(machine.isClosed)
    }

    @Test func drainingAnIdleOrUngreetedConnectionClosesIt() {
        var idle = Self.active()
        #expect(idle.drain() == .goAway(lastRequestID: 0, close: true) && idle.isClosed)
        var ungreeted = Machine(maxConcurrentRequests: 2)
        #expect(ungreeted.drain() == .close && ungreeted.isClosed)
    }

    @Test func theClientsGoAwayWaitsForAWatchAtMostTheDrainTimeout() {
        var watching = Self.active()
        _ = watching.requestReceived(Self.request(1), at: .now())
        watching.run(1, Self.running(stream: true))
        #expect(watching.goAwayReceived() == .closeAfterDrainTimeout)
        var quiet = Self.active()
        #expect(quiet.goAwayReceived() == .close && quiet.isClosed)
    }

    @Test func anIdleConnectionIsDrainedAtTheSecondCheckWithNothingRunning() {
        var machine = Self.active()
        let afterHello = machine.idleCheckFired()
        #expect(!afterHello, "a new connection counts as traffic")
        machine.bytesRead()
        _ = machine.requestReceived(Self.request(1), at: .now())
        machine.run(1, Self.running())
        let whileRunning = machine.idleCheckFired()
        #expect(!whileRunning)
        let stillRunning = machine.idleCheckFired()
        #expect(!stillRunning, "a request still runs")
        _ = machine.ended(1)
        let idle = machine.idleCheckFired()
        #expect(idle)
    }

    /// After the close, every event is a no-op: nothing starts, nothing is announced, nothing is read.
    @Test func afterTheCloseNothingHappens() {
        var machine = Self.active()
        _ = machine.requestReceived(Self.request(1), at: .now())
        machine.run(1, Self.running())
        #expect(machine.channelInactive().isEmpty, "the request's task was never set")
        #expect(machine.isClosed && machine.runningCount == 0)
        #expect(machine.requestReceived(Self.request(2), at: .now()) == .answer(.protocolError, "no HELLO yet"))
        #expect(machine.ended(1) == nil)
        #expect(machine.drain() == .none && machine.goAwayReceived() == .none)
        #expect(machine.nextToStart() == nil)
        #expect(machine.requestsEnded() == (resumeReading: false, close: false))
        let closedAgain = machine.close()
        #expect(!closedAgain)
    }

    // MARK: The handler on an EmbeddedChannel

    /// HELLO, a request answered, and one past its budget answered `deadlineExceeded` when the manual
    /// clock passes it — no real time waited.
    @Test func theHandlerAnswersAndTimesOutOnManualTime() async throws {
        let loop = EmbeddedEventLoop()
        var router = RPCRouter()
        router.inline(RPCMethod<EmptyMessage, EmptyMessage>(id: 7, name: "test.now", access: .connection), { _, _ in EmptyMessage() })
        router.async(RPCMethod<EmptyMessage, EmptyMessage>(id: 8, name: "test.never", access: .connection), { _, _ in
            try await Task.sleep(for: .seconds(3600))
            return EmptyMessage()
        })
        let handler = ServerConnectionHandler(router: router, configuration: RPCServerConfiguration(), stats: ServerStatistics(methods: router.methods),
                                              logger: Logger(label: "test"))
        let channel = EmbeddedChannel(handler: handler, loop: loop)
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).get()

        try channel.writeInbound(FrameEncoder.encode(Frame(.hello, payload: Hello().encoded())))
        #expect(try Self.frame(channel.readOutbound())?.kind == .hello)

        try channel.writeInbound(FrameEncoder.encode(Frame(.request, requestID: 1, method: 7)))
        let answer = try Self.frame(channel.readOutbound())
        #expect(answer?.kind == .response && answer?.requestID == 1)

        try channel.writeInbound(FrameEncoder.encode(Frame(.request, requestID: 2, method: 8, deadlineBudgetMilliseconds: 200)))
        loop.run()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil, "nothing before the deadline")
        loop.advanceTime(by: .milliseconds(250))
        let late = try Self.frame(channel.readOutbound())
        #expect(late?.kind == .error && late?.requestID == 2 && late?.header.status == .deadlineExceeded)
        _ = try? channel.finish()
    }

    static func frame(_ buffer: ByteBuffer?) throws -> Frame? {
        guard var buffer else { return nil }
        var decoder = FrameDecoder(maxFrameSize: 1 << 20)
        return try decoder.decode(buffer: &buffer)
    }
}
