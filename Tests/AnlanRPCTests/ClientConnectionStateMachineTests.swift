@testable import AnlanRPC
import AnlanWire
import NIOCore
import NIOEmbedded
import Testing

/// The client connection's state machine alone (calls are plain numbers here): handshake, which calls
/// may go out, answers, GOAWAY, deadlines and the dead-peer check, failure. Then its handler on an
/// `EmbeddedChannel` with manual time.
@Suite struct ClientConnectionStateMachineTests {
    typealias Machine = ClientConnectionStateMachine<Int>
    static let now = NIODeadline.uptimeNanoseconds(1_000_000_000)

    static func ready() -> Machine {
        var machine = Machine(maxFrameSize: 1 << 20)
        _ = machine.firstFrame(kind: .hello, status: .ok, decode: { Hello() }, refusal: { "" }, mine: Hello())
        return machine
    }

    // MARK: Handshake

    struct HelloCase: Sendable, CustomStringConvertible {
        let name: String
        let kind: FrameKind
        let status: WireStatus
        let hello: Hello?
        /// nil: ready; else the status the handshake fails with.
        let fails: WireStatus?
        var description: String { name }
    }

    static let helloCases: [HelloCase] = [
        HelloCase(name: "the server's HELLO", kind: .hello, status: .ok, hello: Hello(maxFrameSize: 64 * 1024), fails: nil),
        HelloCase(name: "an ERROR instead", kind: .error, status: .unavailable, hello: nil, fails: .unavailable),
        HelloCase(name: "a RESPONSE first", kind: .response, status: .ok, hello: nil, fails: .protocolError),
        HelloCase(name: "a malformed HELLO", kind: .hello, status: .ok, hello: nil, fails: .protocolError),
        HelloCase(name: "no common version", kind: .hello, status: .ok, hello: Hello(minVersion: 9, maxVersion: 9), fails: .protocolError),
        HelloCase(name: "a frame limit below 1024", kind: .hello, status: .ok, hello: Hello(maxFrameSize: 24), fails: .protocolError),
    ]

    @Test(arguments: helloCases) func handshake(_ given: HelloCase) {
        var machine = Machine(maxFrameSize: 1 << 20)
        let action = machine.firstFrame(kind: given.kind, status: given.status, decode: {
            guard let hello = given.hello else { throw WireError(.truncated, "truncated") }
            return hello
        }, refusal: { "refused" }, mine: Hello())
        switch action {
        case .ready:
            #expect(given.fails == nil && machine.phase == .ready)
            #expect(machine.serverMaxFrameSize == 64 * 1024, "the server's smaller limit")
        case .fail(let error):
            #expect(error.status == given.fails && machine.phase == .handshaking)
        }
    }

    // MARK: Calls

    @Test func aCallGoesOutWithItsRemainingBudget() {
        var machine = Self.ready()
        guard case .send(let budget) = machine.start(1, kind: .unary, id: 1, deadline: Self.now + .milliseconds(250), now: Self.now) else {
            Issue.record("the call was not sent"); return
        }
        #expect(budget == 250)
        guard case .send(let none) = machine.start(2, kind: .unary, id: 2, deadline: nil, now: Self.now) else {
            Issue.record("the call without a deadline was not sent"); return
        }
        #expect(none == 0)
        guard case .fail(3, let late) = machine.start(3, kind: .unary, id: 3, deadline: Self.now, now: Self.now) else {
            Issue.record("a call past its deadline was sent"); return
        }
        #expect(late.status == .deadlineExceeded && machine.pendingCount == 2)
    }

    @Test func answersEndTheirCallOnce() {
        var machine = Self.ready()
        _ = machine.start(1, kind: .unary, id: 1, deadline: nil, now: Self.now)
        _ = machine.start(2, kind: .stream, id: 2, deadline: nil, now: Self.now)
        _ = machine.start(3, kind: .ping, id: 3, deadline: Self.now + .seconds(1), now: Self.now)
        #expect(machine.stream(1) == nil && machine.stream(2) == 2, "STREAM messages go to streams only")
        #expect(machine.pong(1) == nil, "a PONG does not end a unary call")
        let pong = machine.pong(3)
        #expect(pong == 3)
        let first = machine.end(1)?.call
        let second = machine.end(1)?.call
        #expect(first == 1 && second == nil)
        #expect(machine.isWaiting(2, on: Self.now) == false, "a call without a deadline waits on none")
    }

    // MARK: GOAWAY

    @Test func goAwayEndsWhatTheServerWillNotProcessAndClosesOnceDrained() {
        var machine = Self.ready()
        for id in UInt32(1)...4 { _ = machine.start(Int(id), kind: .unary, id: id, deadline: nil, now: Self.now) }
        let unprocessed = machine.goAway(lastRequestID: 2).map(\.call).sorted()
        #expect(unprocessed == [3, 4] && machine.phase == .draining)
        guard case .fail(5, let refused) = machine.start(5, kind: .unary, id: 5, deadline: nil, now: Self.now) else {
            Issue.record("a call went out after GOAWAY"); return
        }
        #expect(refused.status == .notProcessed)
        guard case .send = machine.start(6, kind: .ping, id: 6, deadline: Self.now + .seconds(1), now: Self.now) else {
            Issue.record("a PING was refused while draining"); return
        }
        _ = machine.pong(6)
        let whileWaiting = machine.closesWhenDrained()
        #expect(!whileWaiting, "calls 1 and 2 are still answered")
        _ = machine.end(1)
        _ = machine.end(2)
        let drained = machine.closesWhenDrained()
        let again = machine.closesWhenDrained()
        #expect(drained && !again, "closed once")
    }

    // MARK: Deadlines and the dead-peer check

    @Test func twoMissedDeadlinesWithNothingReadAskForAPingAndSilenceCloses() {
        var machine = Self.ready()
        for id in UInt32(1)...4 { _ = machine.start(Int(id), kind: .unary, id: id, deadline: Self.now + .milliseconds(100), now: Self.now) }
        let first = machine.deadlinesPassed([1])
        #expect(first.expired.map(\.id) == [1] && !first.checkLiveness, "one miss is not enough")
        machine.read()
        let afterRead = machine.deadlinesPassed([2])
        #expect(!afterRead.checkLiveness, "a read in between resets the count")
        let second = machine.deadlinesPassed([3, 4])
        #expect(second.expired.count == 2 && second.checkLiveness)
        let duplicate = machine.deadlinesPassed([3])
        #expect(duplicate.expired.isEmpty && !duplicate.checkLiveness, "one check at a time")
        let closes = machine.livenessTimerFired()
        #expect(closes, "nothing was read since the PING")
    }

    @Test func anAnswerBeforeTheLivenessTimerKeepsTheConnection() {
        var machine = Self.ready()
        for id in UInt32(1)...2 { _ = machine.start(Int(id), kind: .unary, id: id, deadline: Self.now + .milliseconds(100), now: Self.now) }
        #expect(machine.deadlinesPassed([1, 2]).checkLiveness)
        machine.read()
        let closes = machine.livenessTimerFired()
        #expect(!closes)
    }

    // MARK: Failure

    @Test func aFailedConnectionEndsEveryCallAndTakesNoMore() {
        var machine = Self.ready()
        for id in UInt32(1)...3 { _ = machine.start(Int(id), kind: .unary, id: id, deadline: nil, now: Self.now) }
        let ended = machine.connectionFailed().map(\.call).sorted()
        #expect(ended == [1, 2, 3] && machine.phase == .closed && machine.pendingCount == 0)
        guard case .fail(4, let error) = machine.start(4, kind: .unary, id: 4, deadline: nil, now: Self.now) else {
            Issue.record("a call went out on a failed connection"); return
        }
        #expect(error.status == .unavailable)
        let inactive = machine.channelInactive()
        let closes = machine.livenessTimerFired()
        #expect(inactive.isEmpty && !closes && machine.goAway(lastRequestID: 0).isEmpty)
    }

    // MARK: The handler on an EmbeddedChannel

    /// HELLO both ways, then a call past its deadline on manual time: it fails `deadlineExceeded` and a
    /// CANCEL goes to the server.
    @Test func theHandlerTimesACallOutOnManualTime() async throws {
        let loop = EmbeddedEventLoop()
        let hello = loop.makePromise(of: Hello.self)
        let handler = ClientConnectionHandler(hello: Hello(), limits: .defaults, compressionThreshold: 1024, helloPromise: hello,
                                              onDraining: {})
        let channel = EmbeddedChannel(handler: handler, loop: loop)
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).get()
        #expect(try ServerConnectionStateMachineTests.frame(channel.readOutbound())?.kind == .hello)
        try channel.writeInbound(FrameEncoder.encode(Frame(.hello, payload: Hello().encoded())))
        _ = try await hello.futureResult.get()

        let answer = loop.makePromise(of: ByteBuffer.self)
        handler.startUnary(id: 1, method: 7, flags: [], payload: EmptyMessage().encodedFrame(), deadline: loop.now + .milliseconds(100), promise: answer)
        loop.run()
        let request = try ServerConnectionStateMachineTests.frame(channel.readOutbound())
        #expect(request?.kind == .request && request?.header.deadlineBudgetMilliseconds == 100)
        loop.advanceTime(by: .milliseconds(150))
        await #expect { try await answer.futureResult.get() } throws: { ($0 as? RPCError)?.status == .deadlineExceeded }
        #expect(try ServerConnectionStateMachineTests.frame(channel.readOutbound())?.kind == .cancel)
        _ = try? channel.finish()
    }
}
