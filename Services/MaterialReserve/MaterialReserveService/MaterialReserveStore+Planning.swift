import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Local dispatch planning: what the storage points can give, read inside a caller's transaction.
extension MaterialReserveStore {
    /// What the storage points nearest `destination` can give, walking outwards in chunks of 64 points
    /// until every need is covered (or every point was read). The planner takes the nearest first, so
    /// the points beyond that cut-off could not change the plan.
    static func nearestSupplies(for needs: [DispatchLine], items: [String], destination: GeoCoordinate, today: CivilDay,
                                _ db: Database) throws -> [DispatchPlanner.Supply] {
        let points = try Row.fetchAll(db, sql: "SELECT id, lat, lon FROM storage_point").map { row -> (String, GeoCoordinate, Double) in
            let location = GeoCoordinate(uncheckedLatitude: row[1], longitude: row[2])
            return (row[0], location, destination.distance(to: location))
        }.sorted { ($0.2, $0.0) < ($1.2, $1.0) }
        var remaining = Dictionary(needs.map { ($0.itemCode, $0.quantity) }, uniquingKeysWith: +)
        var supplies: [DispatchPlanner.Supply] = []
        let itemList = items.map { _ in "?" }.joined(separator: ",")
        var start = 0
        while start < points.count, remaining.values.contains(where: { $0 > 0 }) {
            let chunk = points[start..<min(start + 64, points.count)]
            let locations = Dictionary(chunk.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            let rows = try Row.fetchAll(db, sql: """
                SELECT point_id, item_code, SUM(quantity - reserved) FROM stock_line
                WHERE point_id IN (\(chunk.map { _ in "?" }.joined(separator: ","))) AND item_code IN (\(itemList))
                    AND status = ? AND expires >= ? AND quantity > reserved
                GROUP BY point_id, item_code
                """, arguments: StatementArguments(chunk.map(\.0)) + StatementArguments(items)
                    + [Int(StockStatus.good.rawValue), today.dayNumber])
            for row in rows {
                let point: String = row[0]
                let item: String = row[1]
                let available: Int64 = row[2]
                supplies.append(DispatchPlanner.Supply(storagePointID: point, location: locations[point]!, itemCode: item,
                                                       available: available))
                remaining[item, default: 0] -= available
            }
            start += chunk.count
        }
        return supplies
    }
}
