import AnlanRecords
import GRDB
import MaterialReserveAPI

/// CSV export of storage points, stock lines and region profiles in a region subtree, in the columns import reads,
/// in chunks so that any size fits in frames. A stock export imported into an empty node with the
/// same storage points and catalogue reproduces the stock (as counted adjustments).
extension MaterialReserve: CSVExporting {
    public func exportCSV(_ kind: ReserveRecordKind, regionCode: String, rowsPerChunk: Int = 5000,
                          send: (CSVChunk) async throws -> Void) async throws {
        let range = try validating { try scope.subtree(regionCode) }
        let ancestors = try tree.ancestors(of: regionCode.isEmpty ? region.code : regionCode).map(\.code)
        var writer = CSVWriter()
        writer.write(Self.columns(of: kind))
        // The last row's key, where the next chunk starts: (region, id), (point, item, status, expiry) or region.
        var after: StatementArguments = switch kind {
        case .storagePoints: ["", ""]
        case .stock: ["", "", 0, 0]
        case .regionProfiles: [""]
        }
        while true {
            let (rows, last): ([[String]], StatementArguments?) = try await store.pool.read { [after] db in
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
                                expires == MaterialReserveStore.neverExpires ? "" : CivilDay(dayNumber: expires).description,
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
            for row in rows { writer.write(row) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(rows.count)))
            guard rows.count == rowsPerChunk, let last else { break }
            after = last
        }
    }
}
