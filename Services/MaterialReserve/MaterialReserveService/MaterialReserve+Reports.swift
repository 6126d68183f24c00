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
        let through = core.today().adding(days: request.withinDays == 0 ? 30 : Int(request.withinDays))
        let range = try validating { try scope.subtree(request.regionCode) }
        return try await core.store.pool.read { db in
            let lots = try MaterialReserveStore.expiringLots(in: range, through: through, db)
            return ExpiryReport(through: through, lots: lots)
        }
    }
}
