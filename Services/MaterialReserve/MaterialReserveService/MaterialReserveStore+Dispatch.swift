import AnlanRecords
import GRDB
import MaterialReserveAPI

/// Dispatch orders and their reservations: reads and writes inside a caller's transaction.
extension MaterialReserveStore {
    /// The order recorded with an idempotency key, if any.
    static func orderID(idempotencyKey: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT id FROM dispatch_order WHERE idempotency_key = ?", arguments: [idempotencyKey])
    }

    /// Records a validated order as requested, with its sources and lines, and answers its new id ("DO-<n>").
    static func insert(_ order: DispatchOrder, _ db: Database) throws -> String {
        let seq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM dispatch_order") ?? 1)
        let id = "DO-\(seq)"
        try db.execute(sql: """
            INSERT INTO dispatch_order (seq, id, idempotency_key, destination_region, lat, lon, state, requested_by, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, id, order.idempotencyKey, order.destinationRegion, order.destinationLatitude,
                             order.destinationLongitude, Int(DispatchState.requested.rawValue), order.requestedBy, order.note])
        for point in Set(order.sourcePointIDs) {
            try db.execute(sql: "INSERT INTO dispatch_source (order_id, point_id) VALUES (?, ?)", arguments: [id, point])
        }
        for line in order.lines {
            try db.execute(sql: "INSERT INTO dispatch_line (order_id, item_code, quantity) VALUES (?, ?, ?)",
                           arguments: [id, line.itemCode, line.quantity])
        }
        return id
    }

    static func setState(_ state: DispatchState, ofOrder id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE dispatch_order SET state = ? WHERE id = ?", arguments: [Int(state.rawValue), id])
    }

    /// Good lots of an item unexpired on `today` with units not yet reserved — at the order's sources,
    /// when it names any — first expiring first.
    static func availableLots(of itemCode: String, forOrder order: DispatchOrder, today: CivilDay,
                              _ db: Database) throws -> [(pointID: String, expires: Int, available: Int64)] {
        let sources = order.sourcePointIDs.isEmpty ? "" : " AND point_id IN (SELECT point_id FROM dispatch_source WHERE order_id = ?)"
        var arguments: StatementArguments = [itemCode, Int(StockStatus.good.rawValue), today.dayNumber]
        if !order.sourcePointIDs.isEmpty { arguments += [order.id] }
        return try Row.fetchAll(db, sql: """
            SELECT point_id, expires, quantity - reserved FROM stock_line
            WHERE item_code = ? AND status = ? AND expires >= ? AND quantity > reserved\(sources)
            ORDER BY expires, point_id
            """, arguments: arguments).map { ($0[0], $0[1], $0[2]) }
    }

    /// Reserves `quantity` units of a good lot for an order.
    static func reserve(_ quantity: Int64, of itemCode: String, at pointID: String, expires: Int, forOrder orderID: String,
                        _ db: Database) throws {
        try db.execute(sql: """
            UPDATE stock_line SET reserved = reserved + ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """, arguments: [quantity, pointID, itemCode, Int(StockStatus.good.rawValue), expires])
        try db.execute(sql: "INSERT INTO reservation (order_id, point_id, item_code, expires, quantity) VALUES (?, ?, ?, ?, ?)",
                       arguments: [orderID, pointID, itemCode, expires, quantity])
    }

    /// Records what arrived of an order's line.
    static func setReceived(_ quantity: Int64, of itemCode: String, onOrder orderID: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE dispatch_line SET received = ? WHERE order_id = ? AND item_code = ?",
                       arguments: [quantity, orderID, itemCode])
    }

    /// Gives back to their stock lines the units an approved order reserved (each allocation is its
    /// own line).
    static func releaseReservations(of order: DispatchOrder, _ db: Database) throws {
        let release = try db.cachedStatement(sql: """
            UPDATE stock_line SET reserved = reserved - ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """)
        for allocation in order.allocations {
            try release.execute(arguments: [allocation.quantity, allocation.storagePointID, allocation.itemCode, Int(StockStatus.good.rawValue),
                                            allocation.expiresOn?.dayNumber ?? neverExpires])
        }
    }

    static func deleteReservations(ofOrder id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM reservation WHERE order_id = ?", arguments: [id])
    }

    static func order(id: String, _ db: Database) throws -> DispatchOrder? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, idempotency_key, destination_region, lat, lon, state, requested_by, note FROM dispatch_order WHERE id = ?
            """, arguments: [id]) else { return nil }
        let sources = try String.fetchAll(db, sql: "SELECT point_id FROM dispatch_source WHERE order_id = ? ORDER BY point_id", arguments: [id])
        let lines = try Row.fetchAll(db, sql: "SELECT item_code, quantity, received FROM dispatch_line WHERE order_id = ? ORDER BY item_code",
                                     arguments: [id]).map { DispatchLine(itemCode: $0[0], quantity: $0[1], received: $0[2]) }
        let allocations = try Row.fetchAll(db, sql: """
            SELECT point_id, item_code, expires, quantity FROM reservation WHERE order_id = ? ORDER BY item_code, expires, point_id
            """, arguments: [id]).map { row -> Allocation in
            let expires: Int = row[2]
            return Allocation(storagePointID: row[0], itemCode: row[1],
                              expiresOn: expires == neverExpires ? nil : CivilDay(dayNumber: expires), quantity: row[3])
        }
        return DispatchOrder(id: row[0], idempotencyKey: row[1], sourcePointIDs: sources, destinationRegion: row[2],
                             destinationLatitude: row[3], destinationLongitude: row[4],
                             lines: lines, state: DispatchState(rawValue: row[5]) ?? .requested, allocations: allocations,
                             requestedBy: row[6], note: row[7])
    }
}
