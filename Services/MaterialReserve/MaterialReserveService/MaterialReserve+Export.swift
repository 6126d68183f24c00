import AnlanRPC
import AnlanRecords
import GRDB
import MaterialReserveAPI

/// CSV export of storage points and stock lines in a region subtree, in the columns import reads,
/// in chunks so that any size fits in frames. A stock export imported into an empty node with the
/// same storage points and catalogue reproduces the stock (as counted adjustments).
extension MaterialReserve {
    public func exportCSV(_ kind: ReserveRecordKind, regionCode: String, rowsPerChunk: Int = 5000,
                          send: (CSVChunk) async throws -> Void) async throws {
        let range = try checked { try subtree(regionCode) }
        var writer = CSVWriter()
        writer.write(kind == .storagePoints ? Self.pointColumns : Self.stockColumns)
        var after: [String] = []  // the last row's key, for the next chunk
        repeat {
            let rows: [[String]] = try await store.pool.read { [after] db in
                switch kind {
                case .storagePoints:
                    return try Row.fetchAll(db, sql: """
                        SELECT id, region, name, lat, lon, capacity, contact, phone, owner_tier FROM storage_point
                        WHERE region >= ? AND region < ? AND (region, id) > (?, ?) ORDER BY region, id LIMIT ?
                        """, arguments: [range.lower, range.upper, after.first ?? "", after.last ?? "", rowsPerChunk]).map { row in
                        let tier: Int = row[8]
                        return [row[0], row[1], row[2], String(row[3] as Double), String(row[4] as Double), String(row[5] as Int64),
                                row[6], row[7], tier == 0 ? "" : String(tier)]
                    }
                case .stock:
                    return try Row.fetchAll(db, sql: """
                        SELECT s.point_id, s.item_code, s.status, s.expires, s.quantity
                        FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
                        WHERE p.region >= ? AND p.region < ? AND s.quantity > 0
                            AND (s.point_id, s.item_code, s.status, s.expires) > (?, ?, ?, ?)
                        ORDER BY s.point_id, s.item_code, s.status, s.expires LIMIT ?
                        """, arguments: [range.lower, range.upper, after.count == 4 ? after[0] : "", after.count == 4 ? after[1] : "",
                                         after.count == 4 ? Int(after[2])! : 0, after.count == 4 ? Int(after[3])! : 0,
                                         rowsPerChunk]).map { row in
                        let expires: Int = row[3]
                        let status = StockStatus(rawValue: row[2]) ?? .good
                        return [row[0], row[1], status.name,
                                expires == MaterialReserveStore.neverExpires ? "" : CivilDay(dayNumber: expires).description,
                                String(row[4] as Int64), String(status.rawValue), String(expires)]
                    }
                }
            }
            for row in rows { writer.write(kind == .stock ? Array(row.prefix(5)) : row) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(rows.count)))
            guard rows.count == rowsPerChunk, let last = rows.last else { break }
            after = kind == .stock ? [last[0], last[1], last[5], last[6]] : [last[1], last[0]]
        } while true
    }
}
