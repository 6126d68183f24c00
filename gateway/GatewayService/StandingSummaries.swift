import AnlanRPC
import NIOConcurrencyHelpers
import NIOCore

/// A node's own summaries, kept standing while callers ask for them: each asked key is recomposed
/// by a full fan-out every `refreshInterval` until nobody has asked for it for `keepAlive`. A caller
/// that accepts figures up to its max age old is answered from memory instead of waiting on every
/// node below; an idle gateway does no background work.
final class StandingSummaries<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value?
        var composedAt: NIODeadline = .distantPast
        var lastAsked: NIODeadline
        var refresher: Task<Void, Never>?
    }

    let refreshInterval: TimeAmount
    let keepAlive: TimeAmount
    private let entries = NIOLockedValueBox<[Key: Entry]>([:])

    init(refreshInterval: TimeAmount, keepAlive: TimeAmount = .seconds(60)) {
        self.refreshInterval = refreshInterval
        self.keepAlive = keepAlive
    }

    /// `key`'s standing value if it was composed at most `maxAge` ago. Asking keeps `key` standing: the
    /// first ask starts `recompose` every refresh interval (on the caller's event loop when it has one).
    func value(_ key: Key, maxAge: TimeAmount, recompose: @escaping @Sendable () async -> Value?) -> Value? {
        let now = NIODeadline.now()
        return entries.withLockedValue { entries in
            var entry = entries[key] ?? Entry(lastAsked: now)
            entry.lastAsked = now
            if entry.refresher == nil {
                entry.refresher = Task(executorPreference: EventLoopTaskExecutor.current) { [self] in
                    await refresh(key, recompose)
                }
            }
            entries[key] = entry
            return now - entry.composedAt <= maxAge ? entry.value : nil
        }
    }

    /// Keeps `value`, composed from a fan-out started at `composedAt`, unless a later one is kept.
    func keep(_ key: Key, _ value: Value, composedAt: NIODeadline) {
        entries.withLockedValue { entries in
            guard var entry = entries[key], entry.composedAt < composedAt else { return }
            entry.value = value
            entry.composedAt = composedAt
            entries[key] = entry
        }
    }

    /// Recomposes at a fixed rate (a slow recomposition does not push the next one back), so a standing
    /// value is never older than two intervals: one before the next recomposition starts, one for it to land.
    private func refresh(_ key: Key, _ recompose: @Sendable () async -> Value?) async {
        var next = NIODeadline.now() + refreshInterval
        while true {
            let wait = next - .now()
            if wait > .zero { try? await Task.sleep(nanoseconds: UInt64(wait.nanoseconds)) }
            next = max(next + refreshInterval, .now())
            let stop = entries.withLockedValue { entries -> Bool in
                guard !Task.isCancelled, let entry = entries[key], .now() - entry.lastAsked < keepAlive else {
                    // Nobody asks any more: forget it, so the next ask starts afresh.
                    entries[key] = nil
                    return true
                }
                return false
            }
            if stop { return }
            let started = NIODeadline.now()
            if let value = await recompose() { keep(key, value, composedAt: started) }
        }
    }

    /// Whether `key` is kept standing (without counting as an ask).
    func isStanding(_ key: Key) -> Bool {
        entries.withLockedValue { $0[key] != nil }
    }

    /// Stops every refresher (the gateway is shutting down).
    func close() {
        let refreshers = entries.withLockedValue { entries in
            defer { entries = [:] }
            return entries.values.compactMap(\.refresher)
        }
        for refresher in refreshers { refresher.cancel() }
    }
}
