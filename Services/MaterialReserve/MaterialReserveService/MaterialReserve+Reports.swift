import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Reports over the stock of a region subtree.
extension MaterialReserve {
    /// Good stock expiring within `withinDays` of today (default 30), already expired lots included,
    /// first expiring first.
    public func expiring(_ request: ExpiryRequest) async throws -> ExpiryReport {
        guard request.withinDays <= 36_500 else { throw RecordServiceError.invalidArgument("within days \(request.withinDays) is over 36,500") }
        let through = today().adding(days: request.withinDays == 0 ? 30 : Int(request.withinDays))
        let range = try validating { try scope.subtree(request.regionCode) }
        return try await store.pool.read { db in
            let lots = try Row.fetchAll(db, sql: """
                SELECT s.point_id, s.item_code, s.status, s.expires, s.quantity, s.reserved
                FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
                WHERE p.region >= ? AND p.region < ? AND s.status = ? AND s.expires <= ? AND s.expires < ? AND s.quantity > 0
                ORDER BY s.expires, s.point_id, s.item_code
                """, arguments: [range.lower, range.upper, Int(StockStatus.good.rawValue), through.dayNumber,
                                 MaterialReserveStore.neverExpires]).map { row in
                StockLot(storagePointID: row[0], itemCode: row[1], status: StockStatus(rawValue: row[2]) ?? .good,
                         expiresOn: CivilDay(dayNumber: row[3]), quantity: row[4], reserved: row[5])
            }
            return ExpiryReport(through: through, lots: lots)
        }
    }
}
