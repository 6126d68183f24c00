import AnlanWire
import EvacuationAPI
import Foundation
import GRDB
import NIOConcurrencyHelpers
import NIOCore

/// The warnings (预警) a gateway passed on, whole — level, lead time, regions, validity — for the
/// duty-room screen's lead-time tabs: recorded when a warning is issued at the gateway or received from
/// above, marked when lifted (or replaced by a later one). `WarningOutbox` keeps only what a lifting
/// follows; this keeps what a screen shows.
///
/// Lives in the gateway's database beside the outbox, keyed by the gateway's region so that the
/// gateways of one process can share it; read from memory.
final class WarningsInForce: Sendable {
    private struct Kept {
        var warning: EvacuationAPI.Warning
        var lifted: Bool
    }

    private let pool: DatabasePool
    /// By gateway region, then warning id.
    private let kept: NIOLockedValueBox<[String: [String: Kept]]>

    init(pool: DatabasePool) throws {
        self.pool = pool
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT node, payload, lifted FROM passed_warning").map { row -> (String, Kept) in
                let payload: Data = row[1]
                return (row[0], Kept(warning: try EvacuationAPI.Warning(decoding: ByteBuffer(bytes: payload)), lifted: row[2]))
            }
        }
        var kept: [String: [String: Kept]] = [:]
        for (node, warning) in rows { kept[node, default: [:]][warning.warning.id] = warning }
        self.kept = NIOLockedValueBox(kept)
    }

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: warnings passed on, whole") { db in
            try db.execute(sql: """
                CREATE TABLE passed_warning (
                    node TEXT NOT NULL,
                    warning TEXT NOT NULL,
                    valid_to INTEGER NOT NULL,
                    lifted INTEGER NOT NULL DEFAULT 0,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (node, warning)
                ) WITHOUT ROWID;
                """)
        }
    }

    /// Keeps `warning` as passed on by `node` (again: replaced, unless it was lifted); a warning it
    /// replaces is no longer in force. Written before the warning is passed on.
    func record(node: String, _ warning: EvacuationAPI.Warning) async throws {
        let unchanged = kept.withLockedValue { kept in
            kept[node]?[warning.id].map { $0.lifted || $0.warning == warning } ?? false
        }
        if unchanged, warning.replaces.isEmpty { return }
        let payload = Data(warning.encoded().readableBytesView)
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO passed_warning (node, warning, valid_to, payload) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET valid_to = excluded.valid_to, payload = excluded.payload
                """, arguments: [node, warning.id, warning.validToMilliseconds, payload])
            if !warning.replaces.isEmpty {
                try db.execute(sql: "UPDATE passed_warning SET lifted = 1 WHERE node = ? AND warning = ?", arguments: [node, warning.replaces])
            }
        }
        kept.withLockedValue { kept in
            let lifted = kept[node]?[warning.id]?.lifted ?? false
            kept[node, default: [:]][warning.id] = Kept(warning: warning, lifted: lifted)
            if !warning.replaces.isEmpty { kept[node]?[warning.replaces]?.lifted = true }
        }
    }

    /// The warning is lifted wherever `node` passed it on: no longer in force there.
    func lift(node: String, warningID: String) async throws {
        guard kept.withLockedValue({ $0[node]?[warningID].map { !$0.lifted } ?? false }) else { return }
        try await pool.write { db in
            try db.execute(sql: "UPDATE passed_warning SET lifted = 1 WHERE node = ? AND warning = ?", arguments: [node, warningID])
        }
        kept.withLockedValue { $0[node]?[warningID]?.lifted = true }
    }

    /// The warnings `node` passed on that are in force at `nowMilliseconds` (not lifted, not yet
    /// expired), newest first.
    func inForce(node: String, nowMilliseconds: Int64) -> [EvacuationAPI.Warning] {
        kept.withLockedValue { kept in
            (kept[node] ?? [:]).values.filter { !$0.lifted && $0.warning.validToMilliseconds > nowMilliseconds }.map(\.warning)
        }
        .sorted { ($0.issuedAtMilliseconds, $1.id) > ($1.issuedAtMilliseconds, $0.id) }
    }
}
