import AnlanRPC
import NIOConcurrencyHelpers
import NIOCore

/// A node's own summaries, kept standing while callers ask for them: each asked key is recomposed
/// by a full fan-out every `refreshInterval` until nobody has asked for it for `keepAlive`. A caller
/// that accepts figures up to its max age old is answered from memory instead of waiting on every
/// node below; an idle gateway does no background work.
final class StandingSummaries<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        /// Which refresher owns the entry: a refresher that stops removes its own entry, never a successor's.
        let generation: UInt64
        var value: Value?
        var composedAt: NIODeadline = .distantPast
        var lastAsked: NIODeadline
        var refresher: Task<Void, Never>?
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var nextGeneration: UInt64 = 0
        /// After `close()`, nothing new is kept or recomposed.
        var closed = false
    }

    let refreshInterval: TimeAmount
    let keepAlive: TimeAmount
    private let state = NIOLockedValueBox(State())

    init(refreshInterval: TimeAmount, keepAlive: TimeAmount = .seconds(60)) {
        self.refreshInterval = refreshInterval
        self.keepAlive = keepAlive
    }

    /// `key`'s standing value if it was composed at most `maxAge` ago. Asking keeps `key` standing: the
    /// first ask starts `recompose` every refresh interval (on the caller's event loop when it has one).
    func value(_ key: Key, maxAge: TimeAmount, recompose: @escaping @Sendable () async -> Value?) -> Value? {
        let now = NIODeadline.now()
        return state.withLockedValue { state in
            guard !state.closed else { return nil }
            if var entry = state.entries[key] {
                entry.lastAsked = now
                state.entries[key] = entry
                return now - entry.composedAt <= maxAge ? entry.value : nil
            }
            let generation = state.nextGeneration
            state.nextGeneration += 1
            var entry = Entry(generation: generation, lastAsked: now)
            // It outlives the request that started it: it acts for the node, not for that request's person.
            entry.refresher = Task(executorPreference: EventLoopTaskExecutor.current) { [self] in
                await RPCCredential.$current.withValue(nil) { await refresh(key, generation, recompose) }
            }
            state.entries[key] = entry
            return nil
        }
    }

    /// Keeps `value`, composed from a fan-out started at `composedAt`, unless a later one is kept.
    func keep(_ key: Key, _ value: Value, composedAt: NIODeadline) {
        state.withLockedValue { state in
            guard var entry = state.entries[key], entry.composedAt < composedAt else { return }
            entry.value = value
            entry.composedAt = composedAt
            state.entries[key] = entry
        }
    }

    /// Whether `key` is kept standing (without counting as an ask).
    func isStanding(_ key: Key) -> Bool {
        state.withLockedValue { $0.entries[key] != nil }
    }

    /// Recomposes at a fixed rate (a slow recomposition does not push the next one back), so a standing
    /// value is at most about two intervals old: one before the next recomposition starts, one for it to land.
    private func refresh(_ key: Key, _ generation: UInt64, _ recompose: @Sendable () async -> Value?) async {
        var next = NIODeadline.now() + refreshInterval
        while true {
            let wait = next - .now()
            if wait > .zero { try? await Task.sleep(nanoseconds: UInt64(wait.nanoseconds)) }
            next = max(next + refreshInterval, .now())
            let stop = state.withLockedValue { state -> Bool in
                guard let entry = state.entries[key], entry.generation == generation else { return true }
                guard !Task.isCancelled, !state.closed, .now() - entry.lastAsked < keepAlive else {
                    // Nobody asks any more: forget it, so the next ask starts afresh.
                    state.entries[key] = nil
                    return true
                }
                return false
            }
            if stop { return }
            let started = NIODeadline.now()
            if let value = await recompose() { keep(key, value, composedAt: started) }
        }
    }

    /// Stops every refresher and keeps nothing more (the gateway is shutting down).
    func close() {
        let refreshers = state.withLockedValue { state in
            defer { state.entries = [:]; state.closed = true }
            return state.entries.values.compactMap(\.refresher)
        }
        for refresher in refreshers { refresher.cancel() }
    }
}
