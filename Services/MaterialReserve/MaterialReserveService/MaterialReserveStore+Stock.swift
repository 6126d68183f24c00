import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Stock lines and the figures summed from them or from `stock_tally`: reads inside a caller's
/// transaction.
extension MaterialReserveStore {
    /// One stock line's units held and reserved.
    static func stockLine(pointID: String, itemCode: String, status: StockStatus, expires: CivilDay?,
                          _ db: Database) throws -> (quantity: Int64, reserved: Int64)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT quantity, reserved FROM stock_line WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """), arguments: [pointID, itemCode, Int(status.rawValue), expires?.dayNumber ?? neverExpires]).map { ($0[0], $0[1]) }
    }

    /// Units held in a region subtree under a catalogue prefix, by status. `township`: sum the subtree's
    /// points' stock lines; otherwise (a county or larger) `stock_tally`, a few rows per county and item.
    static func stockTotals(in range: RegionRange, township: Bool, itemPrefix: String, _ db: Database) throws -> StockTotals {
        let sql = township
            // Points of the subtree first (a range of their region index), then each point's lines (a
            // prefix of the stock-line key): CROSS JOIN keeps SQLite to that order.
            ? """
              SELECT s.status, SUM(s.quantity), SUM(s.reserved) FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
              WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ?
              GROUP BY s.status
              """
            : """
              SELECT status, SUM(quantity), SUM(reserved) FROM stock_tally
              WHERE division >= ? AND division < ? AND item_code >= ? AND item_code < ?
              GROUP BY status
              """
        var totals = StockTotals()
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [range.lower, range.upper, itemPrefix, itemPrefix + ":"])
        while let row = try rows.next() {
            let held: Int64 = row[1]
            switch StockStatus(rawValue: row[0]) {
            case .good: totals.good = held
            case .damaged: totals.damaged = held
            case .expired: totals.expired = held
            case nil: break
            }
            totals.reserved += row[2] as Int64
        }
        return totals
    }

    /// Storage points in a subtree.
    static func pointCount(in range: RegionRange, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM storage_point WHERE region >= ? AND region < ?",
                           arguments: [range.lower, range.upper]) ?? 0
    }

    /// Units per level-1 and level-2 category and status in a subtree, under a catalogue prefix.
    /// `township`: from the points' stock lines; otherwise from `stock_tally`.
    static func categoryTotals(in range: RegionRange, township: Bool, itemPrefix: String, _ db: Database) throws -> [CategoryTotal] {
        let categorySQL = township
            ? """
              SELECT substr(s.item_code, 1, 3), s.status, SUM(s.quantity) FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
              WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ? GROUP BY 1, 2
              """
            : """
              SELECT substr(item_code, 1, 3), status, SUM(quantity) FROM stock_tally
              WHERE division >= ? AND division < ? AND item_code >= ? AND item_code < ? GROUP BY 1, 2
              """
        var categories: [CategoryTotal] = []
        for row in try Row.fetchAll(db, sql: categorySQL, arguments: [range.lower, range.upper, itemPrefix, itemPrefix + ":"]) {
            let level2: String = row[0]
            let units: Int64 = row[2]
            for code in [String(level2.prefix(1)), level2] {
                var total = CategoryTotal(code: code)
                switch StockStatus(rawValue: row[1]) {
                case .good: total.good = units
                case .damaged: total.damaged = units
                case .expired: total.expired = units
                case nil: continue
                }
                categories.append(total)
            }
        }
        return categories
    }

    /// Lots of good stock in a subtree under a catalogue prefix expiring from `from` through `through`,
    /// and their units.
    static func expiringTotals(in range: RegionRange, itemPrefix: String, from: CivilDay, through: CivilDay,
                               _ db: Database) throws -> (lots: Int64, units: Int64) {
        let expiring = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), COALESCE(SUM(s.quantity), 0) FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
            WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ?
              AND s.status = ? AND s.expires >= ? AND s.expires <= ? AND s.quantity > 0
            """, arguments: [range.lower, range.upper, itemPrefix, itemPrefix + ":",
                             Int(StockStatus.good.rawValue), from.dayNumber, through.dayNumber])
        return (expiring?[0] ?? 0, expiring?[1] ?? 0)
    }

    /// Good stock in a subtree expiring by `through` (already expired lots included), first expiring first.
    static func expiringLots(in range: RegionRange, through: CivilDay, _ db: Database) throws -> [StockLot] {
        try Row.fetchAll(db, sql: """
            SELECT s.point_id, s.item_code, s.status, s.expires, s.quantity, s.reserved
            FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
            WHERE p.region >= ? AND p.region < ? AND s.status = ? AND s.expires <= ? AND s.expires < ? AND s.quantity > 0
            ORDER BY s.expires, s.point_id, s.item_code
            """, arguments: [range.lower, range.upper, Int(StockStatus.good.rawValue), through.dayNumber, neverExpires]).map { row in
            StockLot(storagePointID: row[0], itemCode: row[1], status: StockStatus(rawValue: row[2]) ?? .good,
                     expiresOn: CivilDay(dayNumber: row[3]), quantity: row[4], reserved: row[5])
        }
    }

    /// Calls `each` with the usable units (good, unexpired on `today`, unreserved) of every normed item
    /// under a catalogue prefix, per region and owner tier of the subtree's storage points.
    static func usableHoldings(in range: RegionRange, itemPrefix: String, today: CivilDay, _ db: Database,
                               _ each: (_ region: String, _ ownerTier: Int, _ itemCode: String, _ units: Int64) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.region, p.owner_tier, s.item_code, SUM(s.quantity - s.reserved)
            FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
            WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ? AND s.status = ? AND s.expires >= ?
              AND s.item_code IN (SELECT item_code FROM reserve_norm)
            GROUP BY p.region, p.owner_tier, s.item_code
            """, arguments: [range.lower, range.upper, itemPrefix, itemPrefix + ":", Int(StockStatus.good.rawValue), today.dayNumber])
        while let row = try rows.next() {
            try each(row[0], row[1], row[2], row[3])
        }
    }

    /// Record counts for `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        try [("catalogue items", "catalogue_item"), ("storage points", "storage_point"), ("stock lines", "stock_line"),
             ("movements", "movement"), ("dispatch orders", "dispatch_order"), ("reserve norms", "reserve_norm"),
             ("region profiles", "region_profile")].map { name, table in
            (name, try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
        }
    }

    /// Every stock line whose quantity differs from the sum of its movements.
    static func ledgerDisagreements(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT s.point_id || ' ' || s.item_code || ' ' || s.status || ' ' || s.expires || ': held ' || s.quantity
                   || ', ledger ' || COALESCE(m.total, 0)
            FROM stock_line s LEFT JOIN (
                SELECT point_id, item_code, status, expires, SUM(delta) AS total FROM movement
                GROUP BY point_id, item_code, status, expires
            ) m USING (point_id, item_code, status, expires)
            WHERE s.quantity != COALESCE(m.total, 0)
            """)
    }

    /// Every tally row that differs from the sum of its stock lines.
    static func tallyDisagreements(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH lines AS (
                SELECT substr(p.region, 1, 6) AS division, s.item_code, s.status, SUM(s.quantity) AS quantity, SUM(s.reserved) AS reserved
                FROM stock_line s JOIN storage_point p ON p.id = s.point_id GROUP BY 1, 2, 3
            ), keys AS (SELECT division, item_code, status FROM lines UNION SELECT division, item_code, status FROM stock_tally)
            SELECT k.division || ' ' || k.item_code || ' ' || k.status || ': tally ' || COALESCE(t.quantity, 0) || '/' || COALESCE(t.reserved, 0)
                   || ', lines ' || COALESCE(l.quantity, 0) || '/' || COALESCE(l.reserved, 0)
            FROM keys k LEFT JOIN lines l USING (division, item_code, status) LEFT JOIN stock_tally t USING (division, item_code, status)
            WHERE COALESCE(t.quantity, 0) != COALESCE(l.quantity, 0) OR COALESCE(t.reserved, 0) != COALESCE(l.reserved, 0)
            """)
    }
}
