import AnlanRecords
import AnlanRPC
import AnlanWire
import EmergencyResponseAPI
import Foundation
import GatewayAPI
@testable import GatewayHTTP
import Hummingbird
import NIOConcurrencyHelpers
import Testing

/// The live feed's broadcaster on its own (no sockets): one composition for every subscriber, the
/// latest frame to a slow one, composing only while someone listens. And the API's JSON and errors.
@Suite struct LiveFeedTests {
    /// A feed whose frames are set by hand: composing answers nothing, and counts its calls.
    private static func manual(interval: Duration = .seconds(3600), keepAlive: Duration = .seconds(3600)) -> (LiveFeed<Int>, NIOLockedValueBox<Int>) {
        let composed = NIOLockedValueBox(0)
        let feed = LiveFeed<Int>(interval: interval, keepAliveInterval: keepAlive) {
            composed.withLockedValue { $0 += 1 }
            return nil
        }
        return (feed, composed)
    }

    private static func frame(_ event: LiveFeed<Int>.Event?) -> Int? {
        if case .frame(let value) = event { return value }
        return nil
    }

    @Test func aSubscriberGetsTheLatestAtOnceThenWhatIsNews() async throws {
        let (feed, _) = Self.manual()
        feed.publish(1)
        let subscription = feed.subscribe()
        var events = subscription.makeAsyncIterator()
        #expect(Self.frame(await events.next()) == 1, "the latest, at once")
        feed.publish(1)
        feed.publish(2)
        #expect(Self.frame(await events.next()) == 2, "the same frame again is not news")
        subscription.end()
        #expect(await events.next() == nil)
        #expect(feed.subscriberCount == 0)
    }

    @Test func aSlowSubscriberSkipsToTheLatestAndHoldsNobodyUp() async throws {
        let (feed, _) = Self.manual()
        let slow = feed.subscribe()
        let quick = feed.subscribe()
        var quickEvents = quick.makeAsyncIterator()
        for value in 1...100 {
            feed.publish(value)
            #expect(Self.frame(await quickEvents.next()) == value)
        }
        var slowEvents = slow.makeAsyncIterator()
        #expect(Self.frame(await slowEvents.next()) == 100, "only the latest of the frames it missed")
        feed.sendKeepAlive()
        if case .keepAlive = await slowEvents.next() {} else { Issue.record("a keep-alive after the frame") }
        slow.end()
        quick.end()
    }

    @Test func itComposesOnlyWhileSomeoneListens() async throws {
        let (feed, composed) = Self.manual(interval: .milliseconds(10))
        try await Task.sleep(for: .milliseconds(50))
        #expect(composed.withLockedValue { $0 } == 0 && !feed.isComposing)
        let subscriptions = (0..<50).map { _ in feed.subscribe() }
        let started = ContinuousClock.now
        while composed.withLockedValue({ $0 }) < 3, ContinuousClock.now - started < .seconds(10) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let calls = composed.withLockedValue { $0 }
        let intervals = Int((ContinuousClock.now - started) / .milliseconds(10))
        #expect(calls >= 3 && calls <= intervals + 3, "one composition every interval for all 50, not one per subscriber: \(calls) in \(intervals)")
        for subscription in subscriptions { subscription.end() }
        #expect(!feed.isComposing)
        let stopped = composed.withLockedValue { $0 }
        try await Task.sleep(for: .milliseconds(100))
        #expect(composed.withLockedValue { $0 } <= stopped + 1, "nothing composed with nobody connected (one may have been under way)")
    }

    @Test func composedFramesAndKeepAlivesReachSubscribers() async throws {
        let counter = NIOLockedValueBox(0)
        let feed = LiveFeed<Int>(interval: .milliseconds(10), keepAliveInterval: .milliseconds(30)) {
            counter.withLockedValue { $0 += 1; return $0 / 5 }
        }
        let subscription = feed.subscribe()
        var frames = 0
        var keepAlives = 0
        for await event in subscription {
            if case .frame = event { frames += 1 } else { keepAlives += 1 }
            if frames >= 3 && keepAlives >= 1 { break }
        }
        subscription.end()
        #expect(frames >= 3 && keepAlives >= 1)
    }

    @Test func closingEndsEverySubscription() async throws {
        let (feed, _) = Self.manual()
        let subscription = feed.subscribe()
        feed.close()
        var events = subscription.makeAsyncIterator()
        #expect(await events.next() == nil)
        var late = feed.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil, "a subscription after closing ends at once")
    }

    // MARK: JSON and errors

    @Test func aBodyMayLeaveFieldsOutButNotGetThemWrong() throws {
        let incident = try JSONBody.decode(Data(#"{"title": "内涝", "kind": "flood", "affected": 3}"#.utf8), defaults: Incident())
        #expect(incident.title == "内涝" && incident.affected == 3 && incident.severity == .ordinary)
        #expect(throws: APIError.self) { try JSONBody.decode(Data(#"{"kind": "meteor"}"#.utf8), defaults: Incident()) }
        #expect(throws: APIError.self) { try JSONBody.decode(Data("[1]".utf8), defaults: Incident()) }
        do {
            _ = try JSONBody.decode(Data(#"{"affected": "many"}"#.utf8), defaults: Incident())
        } catch let error as APIError {
            #expect(error.status == .badRequest && error.name == "invalidArgument" && error.message.hasPrefix("affected"))
        }
        let confirm = try JSONBody.decode(Data(#"{"proposal": {"proposalID": "P-1"}}"#.utf8), defaults: ProposalConfirmRequest())
        #expect(confirm.proposal.proposalID == "P-1" && confirm.proposal.incident.kind == .flood, "nested messages take their defaults too")
    }

    @Test func errorsAreMappedAsTheScreenContractSays() {
        let cases: [(WireStatus, Int, String)] = [
            (.invalidArgument, 400, "invalidArgument"), (.permissionDenied, 403, "permissionDenied"), (.notFound, 404, "notFound"),
            (.alreadyExists, 409, "alreadyExists"), (.failedPrecondition, 409, "failedPrecondition"), (.deadlineExceeded, 504, "deadlineExceeded"),
            (.unavailable, 503, "unavailable"), (.notProcessed, 503, "notProcessed"), (.internal, 500, "internal"),
        ]
        for (status, code, name) in cases {
            let error = APIError(RPCError(status, "why"))
            #expect(error.status.code == code && error.name == name && error.message == "why")
        }
        #expect(APIError(RecordServiceError.notFound("no such team")).status == .notFound)
        #expect(APIError(HTTPError(.contentTooLarge)).status == .contentTooLarge)
    }
}
