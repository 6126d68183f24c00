import AnlanRPC
import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Local dispatch planning: what this node's storage points can send, nearest first. Other nodes (the
/// gateway) call it to chain plans across tiers.
extension MaterialReserve {
    public func plan(_ request: PlanRequest, planner: DispatchPlanner = DispatchPlanner()) async throws -> DispatchPlan {
        let today = self.today()
        var needs: [DispatchLine] = []
        let destination: GeoCoordinate = try checked {
            for need in request.needs {
                let code = try CatalogueCode.validateItem(need.itemCode)
                guard need.quantity > 0 else { throw InvalidRecord("need for \(code): quantity must be positive") }
                if let index = needs.firstIndex(where: { $0.itemCode == code }) {
                    needs[index].quantity += need.quantity
                } else {
                    needs.append(DispatchLine(itemCode: code, quantity: need.quantity))
                }
            }
            guard !needs.isEmpty else { throw InvalidRecord("a plan needs at least one item") }
            guard request.targetHours >= 0, request.targetHours.isFinite else { throw InvalidRecord("target hours must be ≥ 0") }
            if request.destinationLatitude != 0 || request.destinationLongitude != 0 {
                return try GeoCoordinate(latitude: request.destinationLatitude, longitude: request.destinationLongitude)
            }
            guard !request.destinationRegion.isEmpty else { throw InvalidRecord("a destination needs coordinates or a region") }
            return try tree.location(of: request.destinationRegion).coordinate
        }
        let items = needs.map(\.itemCode)
        let supplies = try await store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.point_id, p.lat, p.lon, s.item_code, SUM(s.quantity - s.reserved)
                FROM stock_line s JOIN storage_point p ON p.id = s.point_id
                WHERE s.item_code IN (\(items.map { _ in "?" }.joined(separator: ","))) AND s.status = ? AND s.expires >= ?
                    AND s.quantity > s.reserved
                GROUP BY s.point_id, s.item_code
                """, arguments: StatementArguments(items) + [Int(StockStatus.good.rawValue), today.dayNumber]).map { row in
                DispatchPlanner.Supply(storagePointID: row[0], location: GeoCoordinate(uncheckedLatitude: row[1], longitude: row[2]),
                                       itemCode: row[3], available: row[4])
            }
        }
        return planner.plan(needs: needs, destination: destination, supplies: supplies,
                            targetHours: request.targetHours > 0 ? request.targetHours : nil)
    }
}
