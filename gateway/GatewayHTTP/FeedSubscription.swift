/// One subscriber of a `LiveFeed` (a screen connected to `/api/events`): the events it is owed, in
/// order, the latest frame only when it fell behind. End it when the subscriber goes.
public struct FeedSubscription<Frame: Sendable>: AsyncSequence, Sendable {
    public typealias Element = LiveFeed<Frame>.Event
    public typealias Failure = Never

    let feed: LiveFeed<Frame>
    let id: Int
    let doorbell: AsyncStream<Void>
    let keepAlivesSeen: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(feed: feed, doorbell: doorbell.makeAsyncIterator(), keepAlives: keepAlivesSeen)
    }

    /// The subscriber is gone: no more events, and the feed stops composing if it was the last.
    public func end() {
        feed.unsubscribe(id)
    }

    public struct Iterator: AsyncIteratorProtocol {
        public typealias Failure = Never
        let feed: LiveFeed<Frame>
        var doorbell: AsyncStream<Void>.Iterator
        var published = 0
        var keepAlives: Int

        init(feed: LiveFeed<Frame>, doorbell: AsyncStream<Void>.Iterator, keepAlives: Int) {
            self.feed = feed
            self.doorbell = doorbell
            self.keepAlives = keepAlives
        }

        /// The next event owed; nil once the subscription has ended.
        public mutating func next() async -> LiveFeed<Frame>.Event? {
            while true {
                if let event = feed.next(published: &published, keepAlives: &keepAlives) { return event }
                guard await doorbell.next() != nil else { return nil }
            }
        }
    }
}
