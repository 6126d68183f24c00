import AnlanRecords
import GRDB
import MaterialReserveAPI

/// CSV export: the rows of a region subtree in the columns import reads, in chunks, inside a caller's
/// transaction.
extension MaterialReserveStore {
    /// Up to `limit` rows of `kind` after the key `after`, as CSV fields, and the last row's key (where
    /// the next chunk starts): (region, id), (point, item, status, expiry) or region. `ancestors`: the
    /// regions above the subtree whose profiles the node may hold.
    static func exportRows(_ kind: ReserveRecordKind, in range: RegionRange, ancestors: [String], after: StatementArguments,
                           limit rowsPerChunk: Int, _ db: Database) throws -> (rows: [[String]], last: StatementArguments?) {
        switch kind {
        case .storagePoints:
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, region, name, lat, lon, capacity, contact, phone, owner_tier FROM storage_point
                WHERE region >= ? AND region < ? AND (region, id) > (?, ?) ORDER BY region, id LIMIT ?
                """, arguments: [range.lower, range.upper] + after + [rowsPerChunk])
            return (rows.map { row in
                let tier: Int = row[8]
                return [row[0], row[1], row[2], String(row[3] as Double), String(row[4] as Double), String(row[5] as Int64),
                        row[6], row[7], tier == 0 ? "" : String(tier)]
            }, rows.last.map { [$0[1] as String, $0[0] as String] })
        case .stock:
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.point_id, s.item_code, s.status, s.expires, s.quantity
                FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
                WHERE p.region >= ? AND p.region < ? AND s.quantity > 0
                    AND (s.point_id, s.item_code, s.status, s.expires) > (?, ?, ?, ?)
                ORDER BY s.point_id, s.item_code, s.status, s.expires LIMIT ?
                """, arguments: [range.lower, range.upper] + after + [rowsPerChunk])
            return (rows.map { row in
                let expires: Int = row[3]
                return [row[0], row[1], (StockStatus(rawValue: row[2]) ?? .good).name,
                        expires == neverExpires ? "" : CivilDay(dayNumber: expires).description,
                        String(row[4] as Int64)]
            }, rows.last.map { [$0[0] as String, $0[1] as String, $0[2] as Int, $0[3] as Int] })
        case .regionProfiles:
            // The subtree's profiles and those of the regions above it the node holds (a township
            // node may hold its county's risk level); an ancestor's code sorts before its subtree's.
            let rows = try Row.fetchAll(db, sql: """
                SELECT region, risk, responsible_persons, disaster_prone_villages FROM region_profile
                WHERE ((region >= ? AND region < ?) OR region IN (\((ancestors + [""]).map { "'\($0)'" }.joined(separator: ","))))
                  AND region > ? ORDER BY region LIMIT ?
                """, arguments: [range.lower, range.upper] + after + [rowsPerChunk])
            return (rows.map { row in
                [row[0], RiskLevel(rawValue: row[1])?.name ?? "", String(row[2] as Int64), String(row[3] as Int64)]
            }, rows.last.map { [$0[0] as String] })
        }
    }
}
