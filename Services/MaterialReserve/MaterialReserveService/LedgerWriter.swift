import AnlanRPC
import GRDB
import MaterialReserveAPI

/// Appends movements to the ledger and applies them to their stock lines, inside the caller's write
/// transaction. Taking away is checked against what is available (held − reserved) first; the
/// table's CHECK constraints stand behind that.
struct LedgerWriter {
    private let db: Database
    private let recordedAt: Int64
    private let line: Statement
    private let add: Statement
    private let take: Statement
    private let append: Statement
    /// Storage points and items already checked in this transaction, so a batch checks each once.
    private var knownPoints: Set<String> = []
    private var knownItems: Set<String> = []

    init(_ db: Database, recordedAt: Int64) throws {
        self.db = db
        self.recordedAt = recordedAt
        line = try db.cachedStatement(sql: """
            SELECT quantity, reserved FROM stock_line WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """)
        // Adding may create the line; taking away only changes an existing one (a CHECK on the row an
        // upsert would insert fires before the conflict is found, so the two are separate statements).
        add = try db.cachedStatement(sql: """
            INSERT INTO stock_line (point_id, item_code, status, expires, quantity) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (point_id, item_code, status, expires) DO UPDATE SET quantity = quantity + excluded.quantity
            """)
        take = try db.cachedStatement(sql: """
            UPDATE stock_line SET quantity = quantity + ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """)
        append = try db.cachedStatement(sql: """
            INSERT INTO movement (point_id, item_code, status, expires, kind, delta, reason, reference, actor, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Checks and records one movement; `position` (0-based) names it in errors.
    mutating func append(_ movement: Movement, position: Int) throws -> Movement {
        var movement = movement
        try MaterialReserve.check(&movement, position: position, knownPoints: &knownPoints, knownItems: &knownItems, db)
        let expires = movement.expiresOn?.dayNumber ?? MaterialReserveStore.neverExpires
        let key: StatementArguments = [movement.storagePointID, movement.itemCode, Int(movement.status.rawValue), expires]
        let delta = movement.delta
        if delta < 0 {
            let row = try Row.fetchOne(line, arguments: key)
            let held: Int64 = row?[0] ?? 0
            let reserved: Int64 = row?[1] ?? 0
            guard held - reserved >= -delta else {
                throw RPCError.failedPrecondition(
                    "movement \(position + 1): \(movement.kind.name) of \(-delta) × \(movement.itemCode) (\(movement.status.name)) at \(movement.storagePointID): only \(held - reserved) available (\(held) held, \(reserved) reserved)")
            }
            try take.execute(arguments: [delta] + key)
        } else {
            try add.execute(arguments: key + [delta])
        }
        try append.execute(arguments: key + [Int(movement.kind.rawValue), delta, movement.reason, movement.reference,
                                             movement.actor, recordedAt])
        movement.sequence = db.lastInsertedRowID
        movement.recordedAtMilliseconds = recordedAt
        return movement
    }
}
