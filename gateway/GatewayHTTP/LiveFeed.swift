import NIOConcurrencyHelpers

/// The live feed's broadcaster: one per gateway, shared by every screen connected (50 screens cost the
/// mesh what one does). While at least one subscriber is connected it composes a frame every `interval`
/// and publishes it when it is news; every `keepAliveInterval` it sends a keep-alive. With nobody
/// connected it composes nothing.
///
/// A subscriber is told there is something new (a doorbell holding at most one ring) and then reads the
/// latest frame itself: a slow subscriber skips the frames it missed and holds nobody else up.
public final class LiveFeed<Frame: Sendable>: Sendable {
    /// What a subscriber is sent next.
    public enum Event: Sendable {
        case frame(Frame)
        case keepAlive
    }

    private struct State {
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextID = 0
        var latest: Frame?
        /// Frames published so far (a subscriber has seen the latest when it has seen this many).
        var published = 0
        var keepAlives = 0
        var composer: Task<Void, Never>?
        var closed = false
    }

    public let interval: Duration
    public let keepAliveInterval: Duration
    private let compose: @Sendable () async -> Frame?
    private let isNews: @Sendable (_ frame: Frame, _ previous: Frame) -> Bool
    private let state = NIOLockedValueBox(State())

    /// - Parameters:
    ///   - compose: the next frame (nil: none this time).
    ///   - isNews: whether a frame differs from the one published before it (only news is published).
    public init(interval: Duration = .seconds(1), keepAliveInterval: Duration = .seconds(15),
                compose: @escaping @Sendable () async -> Frame?, isNews: @escaping @Sendable (_ frame: Frame, _ previous: Frame) -> Bool) {
        self.interval = interval
        self.keepAliveInterval = keepAliveInterval
        self.compose = compose
        self.isNews = isNews
    }

    /// A new subscriber: it gets the latest frame at once (if there is one), then every one published,
    /// until `end()` or `close()`. The first subscriber starts the composing.
    public func subscribe() -> FeedSubscription<Frame> {
        let (doorbell, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let subscribed = state.withLockedValue { state -> (id: Int, keepAlives: Int)? in
            guard !state.closed else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            if state.composer == nil { state.composer = startComposing() }
            return (id, state.keepAlives)
        }
        guard let subscribed else {
            continuation.finish()
            return FeedSubscription(feed: self, id: -1, doorbell: doorbell, keepAlivesSeen: 0)
        }
        continuation.yield()
        return FeedSubscription(feed: self, id: subscribed.id, doorbell: doorbell, keepAlivesSeen: subscribed.keepAlives)
    }

    /// Publishes `frame` to every subscriber when it is news (or the first).
    public func publish(_ frame: Frame) {
        let bells = state.withLockedValue { state -> [AsyncStream<Void>.Continuation] in
            if let latest = state.latest, !isNews(frame, latest) { return [] }
            state.latest = frame
            state.published += 1
            return Array(state.subscribers.values)
        }
        for bell in bells { bell.yield() }
    }

    /// Sends every subscriber a keep-alive.
    public func sendKeepAlive() {
        let bells = state.withLockedValue { state -> [AsyncStream<Void>.Continuation] in
            state.keepAlives += 1
            return Array(state.subscribers.values)
        }
        for bell in bells { bell.yield() }
    }

    public var subscriberCount: Int { state.withLockedValue { $0.subscribers.count } }
    /// Whether frames are being composed (only while someone is subscribed).
    public var isComposing: Bool { state.withLockedValue { $0.composer != nil } }

    /// Ends every subscription and stops composing; later subscriptions end at once (the server is
    /// shutting down, and open streams must not hold it up).
    public func close() {
        let (bells, composer) = state.withLockedValue { state in
            state.closed = true
            defer {
                state.subscribers = [:]
                state.composer = nil
            }
            return (Array(state.subscribers.values), state.composer)
        }
        composer?.cancel()
        for bell in bells { bell.finish() }
    }

    // MARK: Subscribers

    /// The event a subscriber that has seen `published` frames and `keepAlives` keep-alives is owed:
    /// the latest frame first, else a keep-alive; nil when it has seen everything.
    func next(published: inout Int, keepAlives: inout Int) -> Event? {
        state.withLockedValue { state in
            if state.published > published, let latest = state.latest {
                published = state.published
                return .frame(latest)
            }
            if state.keepAlives > keepAlives {
                keepAlives = state.keepAlives
                return .keepAlive
            }
            return nil
        }
    }

    /// The subscriber `id` is gone; the last one gone stops the composing.
    func unsubscribe(_ id: Int) {
        let (bell, composer) = state.withLockedValue { state -> (AsyncStream<Void>.Continuation?, Task<Void, Never>?) in
            let bell = state.subscribers.removeValue(forKey: id)
            guard state.subscribers.isEmpty, let composer = state.composer else { return (bell, nil) }
            state.composer = nil
            return (bell, composer)
        }
        composer?.cancel()
        bell?.finish()
    }

    /// Composes every `interval` until cancelled, with a keep-alive every `keepAliveInterval`.
    private func startComposing() -> Task<Void, Never> {
        Task { [self] in
            let clock = ContinuousClock()
            var lastKeepAlive = clock.now
            while !Task.isCancelled {
                if let frame = await compose(), !Task.isCancelled { publish(frame) }
                if clock.now - lastKeepAlive >= keepAliveInterval {
                    sendKeepAlive()
                    lastKeepAlive = clock.now
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

extension LiveFeed where Frame: Equatable {
    /// A feed publishing every frame that differs from the one before it.
    public convenience init(interval: Duration = .seconds(1), keepAliveInterval: Duration = .seconds(15),
                            compose: @escaping @Sendable () async -> Frame?) {
        self.init(interval: interval, keepAliveInterval: keepAliveInterval, compose: compose, isNews: { $0 != $1 })
    }
}
