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
    private let detector: DatabaseQueue
    private let entries = Mutex<[Key: (version: Int64, value: Value)]>([:])
    private let capacity: Int

    /// - Parameters:
    ///   - path: the database file whose changes invalidate the answers.
    ///   - capacity: at most this many answers are kept (all are dropped when it is reached).
    public init(path: String, capacity: Int = 4096) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        detector = try DatabaseQueue(path: path, configuration: configuration)
        self.capacity = capacity
    }

    /// The kept answer for `key` if the database has not changed since, else `compute()`'s (kept).
    public func value(for key: Key, _ compute: () async throws -> Value) async throws -> Value {
        let version = try await detector.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        if let kept = entries.withLock({ $0[key] }), kept.version == version { return kept.value }
        let value = try await compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (version, value)
        }
        return value
    }
}
