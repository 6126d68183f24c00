import AnlanWire
import Foundation
import GRDB
import NIOConcurrencyHelpers
import NIOCore

/// The warnings a gateway passed on and the deliveries it still owes: a warning (or its lifting) for a
/// part of the node — its own evacuation service or a child's gateway — that could not be reached is
/// kept here, on disk before the caller is told it is queued, and delivered again on the gateway's
/// refresh loop until the part takes it. Issuing and lifting are idempotent at every service, so a
/// delivery repeated after a lost answer changes nothing.
///
/// Lives in the gateway's database (beside `SummaryStore`'s summaries), keyed by the delivering
/// gateway's region so that the gateways of one process can share it.
final class WarningOutbox: Sendable {
    /// What a delivery carries.
    enum Action: Int, Sendable {
        case issue = 1
        case lift = 2
    }

    /// One warning (or lifting) still owed to one part of a node.
    struct Delivery: Sendable, Hashable {
        /// The delivering gateway's region.
        let node: String
        /// The part: `evacuation` (the node's own service) or a child region's code.
        let target: String
        let warningID: String
        let action: Action
        /// The request's encoding (`Warning` or `LiftRequest`).
        let payload: Data
        /// The order it was queued in: a part's deliveries are made in this order (an issue before its lifting).
        var sequence: Int64 = 0
        var attempts: Int64 = 0
    }

    /// Where a warning that passed through a gateway went: what a lifting follows.
    struct Route: Sendable, Hashable {
        let issuerRegion: String
        let regionCodes: [String]
    }

    private struct Kept {
        /// By delivering node, in queued order.
        var pending: [String: [Delivery]] = [:]
        var routes: [String: [String: Route]] = [:]
    }

    private let pool: DatabasePool
    private let kept: NIOLockedValueBox<Kept>

    init(pool: DatabasePool) throws {
        self.pool = pool
        let (pending, routes) = try pool.read { db in
            let pending = try Row.fetchAll(db, sql: """
                SELECT node, target, warning, action, payload, sequence, attempts FROM pending_warning ORDER BY sequence
                """).map { row in
                Delivery(node: row[0], target: row[1], warningID: row[2], action: Action(rawValue: row[3]) ?? .issue,
                         payload: row[4], sequence: row[5], attempts: row[6])
            }
            let routes = try Row.fetchAll(db, sql: "SELECT node, warning, issuer, regions FROM warning_route").map { row -> (String, String, Route) in
                let regions: String = row[3]
                return (row[0], row[1], Route(issuerRegion: row[2], regionCodes: regions.split(separator: ",").map(String.init)))
            }
            return (pending, routes)
        }
        var kept = Kept()
        for delivery in pending { kept.pending[delivery.node, default: []].append(delivery) }
        for (node, warning, route) in routes { kept.routes[node, default: [:]][warning] = route }
        self.kept = NIOLockedValueBox(kept)
    }

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: warnings passed on and deliveries owed") { db in
            try db.execute(sql: """
                CREATE TABLE warning_route (
                    node TEXT NOT NULL,
                    warning TEXT NOT NULL,
                    issuer TEXT NOT NULL,
                    regions TEXT NOT NULL,
                    PRIMARY KEY (node, warning)
                ) WITHOUT ROWID;
                CREATE TABLE pending_warning (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    node TEXT NOT NULL,
                    target TEXT NOT NULL,
                    warning TEXT NOT NULL,
                    action INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    queued_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT NOT NULL DEFAULT '',
                    UNIQUE (node, target, warning, action)
                );
                """)
        }
    }

    /// Remembers where a warning went from `node` (written before it is passed on).
    func recordRoute(node: String, warningID: String, _ route: Route) async throws {
        if kept.withLockedValue({ $0.routes[node]?[warningID] == route }) { return }
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO warning_route (node, warning, issuer, regions) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET issuer = excluded.issuer, regions = excluded.regions
                """, arguments: [node, warningID, route.issuerRegion, route.regionCodes.joined(separator: ",")])
        }
        kept.withLockedValue { $0.routes[node, default: [:]][warningID] = route }
    }

    func route(node: String, warningID: String) -> Route? {
        kept.withLockedValue { $0.routes[node]?[warningID] }
    }

    /// Keeps `delivery` on disk (once: the same warning, action and part queued again stays as it was)
    /// and returns when it is written.
    func enqueue(_ delivery: Delivery, reason: String) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let stored = try await pool.write { db -> Delivery? in
            try db.execute(sql: """
                INSERT INTO pending_warning (node, target, warning, action, payload, queued_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [delivery.node, delivery.target, delivery.warningID, delivery.action.rawValue, delivery.payload,
                                 now, reason])
            guard db.changesCount > 0 else { return nil }
            var stored = delivery
            stored.sequence = db.lastInsertedRowID
            return stored
        }
        guard let stored else { return }
        kept.withLockedValue { $0.pending[stored.node, default: []].append(stored) }
    }

    /// The deliveries `node` still owes, in queued order.
    func pending(node: String) -> [Delivery] {
        kept.withLockedValue { $0.pending[node] ?? [] }
    }

    /// Whether `node` still owes `target` anything for `warningID` (a new delivery must wait behind it).
    func isOwed(node: String, target: String, warningID: String) -> Bool {
        kept.withLockedValue { $0.pending[node]?.contains { $0.target == target && $0.warningID == warningID } ?? false }
    }

    /// The part took the delivery (or refused it for good): it is not owed any more.
    func settled(_ delivery: Delivery) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM pending_warning WHERE sequence = ?", arguments: [delivery.sequence])
        }
        kept.withLockedValue { kept in
            kept.pending[delivery.node]?.removeAll { $0.sequence == delivery.sequence }
            if kept.pending[delivery.node]?.isEmpty == true { kept.pending[delivery.node] = nil }
        }
    }

    /// Another attempt failed; the delivery stays owed.
    func attemptFailed(_ delivery: Delivery, reason: String) {
        kept.withLockedValue { kept in
            guard let index = kept.pending[delivery.node]?.firstIndex(where: { $0.sequence == delivery.sequence }) else { return }
            kept.pending[delivery.node]![index].attempts += 1
        }
        pool.asyncWrite({ db in
            try db.execute(sql: "UPDATE pending_warning SET attempts = attempts + 1, last_error = ? WHERE sequence = ?",
                           arguments: [reason, delivery.sequence])
        }, completion: { _, _ in })
    }
}
