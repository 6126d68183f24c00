import AnlanStorage
import AnlanWire
import Foundation
import GatewayAPI
import GRDB
import NIOConcurrencyHelpers
import NIOCore

/// Each child's last good summary, kept in memory for the request path and in SQLite so that a
/// gateway restarted while a child is cut off still answers with that child's figures, flagged stale.
/// Keyed by the child's region (each region has one parent), so the gateways of one process can share it.
public final class SummaryStore: Sendable {
    struct Key: Hashable, Sendable {
        let regionCode: String
        let year: UInt32
    }

    /// What is kept in memory, under one lock.
    private struct Kept {
        var byKey: [Key: RegionSummary]
        /// The regions of `byKey`'s keys, kept as summaries arrive, not rebuilt per request: 1,359
        /// township gateways share one store.
        var regions: Set<String>
        /// When each key was last written to disk: a child answering every second is written at most
        /// every `persistIntervalMilliseconds`, unless its figures or coverage changed (its statuses'
        /// times change with every answer and do not count).
        var persistedAt: [Key: Int64] = [:]
    }

    private let pool: DatabasePool
    private let kept: NIOLockedValueBox<Kept>
    /// The warnings passed on through the gateways sharing this store, and the deliveries they still owe.
    let outbox: WarningOutbox
    /// The warnings those gateways passed on, whole, and whether each is still in force.
    let warnings: WarningsInForce
    /// The control-power indices published by those gateways, per region and month.
    let indexSnapshots: IndexSnapshots
    private let persistIntervalMilliseconds: Int64 = 10_000

    /// The store at `path`, opened once per process however many gateways name it.
    public static func shared(path: String) throws -> SummaryStore {
        try opened.withLockedValue { stores in
            if let store = stores[path] { return store }
            let store = try SummaryStore(path: path)
            stores[path] = store
            return store
        }
    }

    private static let opened = NIOLockedValueBox<[String: SummaryStore]>([:])

    public init(path: String) throws {
        pool = try SQLiteStore.open(path: path, migrator: Self.migrator, readers: 2)
        let stored = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT region, year, payload FROM last_summary").map { row -> (Key, RegionSummary) in
                let payload: Data = row[2]
                let summary = try RegionSummary(decoding: ByteBuffer(bytes: payload))
                return (Key(regionCode: row[0], year: row[1]), summary)
            }
        }
        kept = NIOLockedValueBox(Kept(byKey: Dictionary(stored, uniquingKeysWith: { $1 }), regions: Set(stored.map(\.0.regionCode))))
        outbox = try WarningOutbox(pool: pool)
        warnings = try WarningsInForce(pool: pool)
        indexSnapshots = IndexSnapshots(pool: pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: last good summary per child") { db in
            try db.execute(sql: """
                CREATE TABLE last_summary (
                    region TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    as_of INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (region, year)
                ) WITHOUT ROWID;
                """)
        }
        WarningOutbox.migrate(&migrator)
        WarningsInForce.migrate(&migrator)
        IndexSnapshots.migrate(&migrator)
        return migrator
    }

    func last(_ regionCode: String, year: UInt32) -> RegionSummary? {
        kept.withLockedValue { $0.byKey[Key(regionCode: regionCode, year: year)] }
    }

    /// Whether `regionCode` has a stored summary (for any year): a child the gateway has seen.
    func knows(_ regionCode: String) -> Bool {
        kept.withLockedValue { $0.regions.contains(regionCode) }
    }

    /// Keeps `summary` as the child's last good one; writes it to disk off the request path.
    func remember(_ summary: RegionSummary, year: UInt32) {
        let key = Key(regionCode: summary.regionCode, year: year)
        let due = kept.withLockedValue { kept -> Bool in
            // Two fan-outs may ask a child at once: an older answer arriving later is not kept.
            if let kept = kept.byKey[key], kept.asOfMilliseconds > summary.asOfMilliseconds { return false }
            let previous = kept.byKey.updateValue(summary, forKey: key)
            if previous == nil { kept.regions.insert(key.regionCode) }
            let changed = previous.map { !$0.hasSameFigures(as: summary) } ?? true
            guard changed || summary.asOfMilliseconds - (kept.persistedAt[key] ?? 0) >= persistIntervalMilliseconds else {
                return false
            }
            kept.persistedAt[key] = summary.asOfMilliseconds
            return true
        }
        guard due else { return }
        let payload = Data(summary.encoded().readableBytesView)
        pool.asyncWrite({ db in
            try db.execute(sql: """
                INSERT INTO last_summary (region, year, as_of, payload) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET as_of = excluded.as_of, payload = excluded.payload
                """, arguments: [key.regionCode, key.year, summary.asOfMilliseconds, payload])
        }, completion: { _, _ in })
    }
}
