import AnlanRecords
import AnlanStorage
import GRDB
import MaterialReserveAPI

extension MaterialReserveStore {
    /// Appends movements to the ledger and applies them to their stock lines, inside the caller's write
    /// transaction. Taking away is checked against what is available (held − reserved) first; the
    /// table's CHECK constraints stand behind that. Quantity changes reach `stock_tally` once per key in
    /// `finish()`, which the caller runs before its transaction commits.
    struct LedgerWriter {
        private let db: Database
        private let recordedAt: Int64
        private let line: Statement
        private let add: RawStatement
        private let take: RawStatement
        private let append: RawStatement
        /// Storage points (with their tally division) and items already checked in this transaction, so a
        /// batch checks each once.
        private var knownPoints: [String: String] = [:]
        private var knownItems: Set<String> = []
        /// Quantity changes per tally row, written by `finish()`.
        private var tallyDeltas: [TallyKey: Int64] = [:]

        private struct TallyKey: Hashable {
            let division: String
            let itemCode: String
            let status: Int64
        }

        init(_ db: Database, recordedAt: Int64) throws {
            self.db = db
            self.recordedAt = recordedAt
            line = try db.cachedStatement(sql: """
                SELECT quantity, reserved FROM stock_line WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
                """)
            // Adding may create the line; taking away only changes an existing one (a CHECK on the row an
            // upsert would insert fires before the conflict is found, so the two are separate statements).
            add = try RawStatement(db, sql: """
                INSERT INTO stock_line (point_id, item_code, status, expires, quantity) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (point_id, item_code, status, expires) DO UPDATE SET quantity = quantity + excluded.quantity
                """)
            take = try RawStatement(db, sql: """
                UPDATE stock_line SET quantity = quantity + ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
                """)
            append = try RawStatement(db, sql: """
                INSERT INTO movement (point_id, item_code, status, expires, kind, delta, reason, reference, actor, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }

        /// Checks and records one movement; `position` (0-based) names it in errors.
        mutating func append(_ movement: Movement, position: Int) throws -> Movement {
            var movement = movement
            try check(&movement, position: position)
            let expires = Int64(movement.expiresOn?.dayNumber ?? MaterialReserveStore.neverExpires)
            let status = Int64(movement.status.rawValue)
            let delta = movement.delta
            /// Binds the stock line's key at `first`…`first + 3`.
            func bindKey(_ statement: RawStatement, from first: Int32) {
                statement.bind(first, movement.storagePointID)
                statement.bind(first + 1, movement.itemCode)
                statement.bind(first + 2, status)
                statement.bind(first + 3, expires)
            }
            if delta < 0 {
                let row = try Row.fetchOne(line, arguments: [movement.storagePointID, movement.itemCode, status, expires])
                let held: Int64 = row?[0] ?? 0
                let reserved: Int64 = row?[1] ?? 0
                guard held - reserved >= -delta else {
                    throw RecordServiceError.failedPrecondition(
                        "movement \(position + 1): \(movement.kind.name) of \(-delta) × \(movement.itemCode) (\(movement.status.name)) at \(movement.storagePointID): only \(held - reserved) available (\(held) held, \(reserved) reserved)")
                }
                take.reset()
                take.bind(1, delta)
                bindKey(take, from: 2)
                try take.run()
            } else {
                add.reset()
                bindKey(add, from: 1)
                add.bind(5, delta)
                do {
                    try add.run()
                } catch let error as DatabaseError where error.message?.contains(MaterialReserveStore.lineCapMessage) == true {
                    throw RecordServiceError.failedPrecondition(
                        "movement \(position + 1): \(movement.itemCode) at \(movement.storagePointID) would hold more than \(MaterialReserveStore.maximumLineUnits) units")
                }
            }
            append.reset()
            bindKey(append, from: 1)
            append.bind(5, Int64(movement.kind.rawValue))
            append.bind(6, delta)
            append.bind(7, movement.reason)
            append.bind(8, movement.reference)
            append.bind(9, movement.actor)
            append.bind(10, recordedAt)
            try append.run()
            tallyDeltas[TallyKey(division: knownPoints[movement.storagePointID]!, itemCode: movement.itemCode, status: status), default: 0] += delta
            movement.sequence = db.lastInsertedRowID
            movement.recordedAtMilliseconds = recordedAt
            return movement
        }

        /// Adds the transaction's quantity changes to `stock_tally`. Call once, after the last `append`.
        mutating func finish() throws {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO stock_tally (division, item_code, status, quantity, reserved) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT (division, item_code, status) DO UPDATE SET quantity = quantity + excluded.quantity
                """)
            for (key, delta) in tallyDeltas where delta != 0 {
                try upsert.execute(arguments: [key.division, key.itemCode, key.status, delta])
            }
            tallyDeltas = [:]
        }

        /// Checks one movement against the catalogue, the storage points and the kind's rules.
        private mutating func check(_ movement: inout Movement, position: Int) throws {
            let at = "movement \(position + 1)"
            do {
                movement.itemCode = try CatalogueCode.validateItem(movement.itemCode)
            } catch {
                throw RecordServiceError.invalidArgument("\(at): \(error.message)")
            }
            if knownPoints[movement.storagePointID] == nil {
                guard let region = try String.fetchOne(db.cachedStatement(sql: "SELECT region FROM storage_point WHERE id = ?"),
                                                       arguments: [movement.storagePointID]) else {
                    throw RecordServiceError.invalidArgument("\(at): no storage point \"\(movement.storagePointID)\" on this node")
                }
                knownPoints[movement.storagePointID] = String(MaterialReserveStore.division(of: region))
            }
            if !knownItems.contains(movement.itemCode) {
                guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM catalogue_item WHERE code = ?"),
                                        arguments: [movement.itemCode]) != nil else {
                    throw RecordServiceError.invalidArgument("\(at): item \(movement.itemCode) is not in the catalogue")
                }
                knownItems.insert(movement.itemCode)
            }
            guard (-MaterialReserve.maximumUnits...MaterialReserve.maximumUnits).contains(movement.quantity) else {
                throw RecordServiceError.invalidArgument("\(at): quantity \(movement.quantity) is beyond ±\(MaterialReserve.maximumUnits) units")
            }
            if movement.kind == .adjust {
                guard movement.quantity != 0 else { throw RecordServiceError.invalidArgument("\(at): an adjustment of 0 changes nothing") }
                guard !movement.reason.trimmed.isEmpty else { throw RecordServiceError.invalidArgument("\(at): an adjustment needs a reason") }
            } else {
                guard movement.quantity > 0 else {
                    throw RecordServiceError.invalidArgument("\(at): \(movement.kind.name) quantity must be positive, got \(movement.quantity)")
                }
            }
        }
    }
}
