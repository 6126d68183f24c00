import GRDB
import Synchronization

/// Answers of costly reads (a region's statistics), kept until the database changes.
///
/// A change is seen through `PRAGMA data_version` on a connection of the cache's own, which moves
/// whenever any other connection commits — the node's writer, or an `import` run by another process
/// on the same file. The version is read before an answer is computed, so a commit during the
/// computation makes the answer count as old. A gateway asking every county every second thus costs
/// each quiet county one tiny query, not a recount.
public final class ReadCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let path: String
    /// Opened on first use: a node that is never asked (or an `import` run) opens no extra connection.
    private let detector = Mutex<DatabaseQueue?>(nil)
    private let entries = Mutex<(kept: [Key: (version: Int64, value: Value)], computations: Int)>(([:], 0))
    private let capacity: Int

    /// - Parameters:
    ///   - path: the database file whose changes invalidate the answers.
    ///   - capacity: at most this many answers are kept (all are dropped when it is reached).
    public init(path: String, capacity: Int = 4096) {
        self.path = path
        self.capacity = capacity
    }

    /// How many answers were computed rather than kept (for tests and figures).
    public var computations: Int { entries.withLock { $0.computations } }

    /// The kept answer for `key` if the database has not changed since, else `compute()`'s (kept).
    public func value(for key: Key, _ compute: () async throws -> Value) async throws -> Value {
        let version = try await openDetector().read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        if let kept = entries.withLock({ $0.kept[key] }), kept.version == version { return kept.value }
        let value = try await compute()
        entries.withLock { entries in
            if entries.kept.count >= capacity { entries.kept.removeAll(keepingCapacity: true) }
            entries.kept[key] = (version, value)
            entries.computations += 1
        }
        return value
    }

    private func openDetector() throws -> DatabaseQueue {
        try detector.withLock { detector in
            if let detector { return detector }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(5)
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            detector = opened
            return opened
        }
    }
}
