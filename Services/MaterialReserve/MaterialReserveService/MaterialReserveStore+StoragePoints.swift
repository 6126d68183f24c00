import AnlanRecords
import GRDB
import MaterialReserveAPI

/// Storage points: reads and writes inside a caller's transaction.
extension MaterialReserveStore {
    static let pointSelect = "id, region, name, lat, lon, capacity, contact, phone, owner_tier"

    static func point(row: Row) -> StoragePoint {
        StoragePoint(id: row[0], regionCode: row[1], name: row[2], latitude: row[3], longitude: row[4], capacity: row[5],
                     contact: row[6], phone: row[7], ownerTier: row[8])
    }

    static func point(id: String, _ db: Database) throws -> StoragePoint? {
        try Row.fetchOne(db, sql: "SELECT \(pointSelect) FROM storage_point WHERE id = ?", arguments: [id]).map(point(row:))
    }

    static func pointExists(id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM storage_point WHERE id = ?"), arguments: [id]) != nil
    }

    /// A page of the storage points in a region subtree, by region code then id.
    static func points(in range: RegionRange, after cursor: RegionCursor?, limit: Int, _ db: Database) throws -> RecordPage<StoragePoint> {
        let points = try Row.fetchAll(db, sql: """
            SELECT \(pointSelect) FROM storage_point
            WHERE region >= ? AND region < ? AND (region, id) > (?, ?) ORDER BY region, id LIMIT ?
            """, arguments: [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? "", limit + 1]).map(point(row:))
        let more = points.count > limit
        let page = Array(points.prefix(limit))
        return RecordPage(records: page, nextCursor: more ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
    }

    /// Inserts or replaces a validated storage point.
    static func save(_ point: StoragePoint, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO storage_point (id, region, name, lat, lon, capacity, contact, phone, owner_tier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET region = excluded.region, name = excluded.name, lat = excluded.lat,
                lon = excluded.lon, capacity = excluded.capacity, contact = excluded.contact,
                phone = excluded.phone, owner_tier = excluded.owner_tier
            """, arguments: [point.id, point.regionCode, point.name, point.latitude, point.longitude, point.capacity,
                             point.contact, point.phone, point.ownerTier])
    }

    /// Inserts or replaces a validated storage point unless it is stored as it is (an import); says what it did.
    static func saveIfChanged(_ point: StoragePoint, _ db: Database) throws -> WriteOutcome {
        let existed = try pointExists(id: point.id, db)
        try db.cachedStatement(sql: """
            INSERT INTO storage_point (id, region, name, lat, lon, capacity, contact, phone, owner_tier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET region = excluded.region, name = excluded.name, lat = excluded.lat,
                lon = excluded.lon, capacity = excluded.capacity, contact = excluded.contact,
                phone = excluded.phone, owner_tier = excluded.owner_tier
            WHERE (storage_point.region, storage_point.name, storage_point.lat, storage_point.lon,
                   storage_point.capacity, storage_point.contact, storage_point.phone, storage_point.owner_tier)
               IS NOT (excluded.region, excluded.name, excluded.lat, excluded.lon, excluded.capacity,
                       excluded.contact, excluded.phone, excluded.owner_tier)
            """).execute(arguments: [point.id, point.regionCode, point.name, point.latitude, point.longitude, point.capacity,
                             point.contact, point.phone, point.ownerTier])
        return db.changesCount == 0 ? .unchanged : existed ? .updated : .inserted
    }

    /// Whether any ledger movement names the point.
    /// The stored capacity, contact, phone and owner tier of a point: what an import without those columns keeps.
    static func pointDetails(id: String, _ db: Database) throws -> (capacity: Int64, contact: String, phone: String, ownerTier: UInt8)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT capacity, contact, phone, owner_tier FROM storage_point WHERE id = ?
            """), arguments: [id]).map { ($0[0], $0[1], $0[2], $0[3]) }
    }

    static func pointHasHistory(id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM movement WHERE point_id = ? LIMIT 1", arguments: [id]) != nil
    }

    /// A dispatch order that names the point as a source, if any.
    static func orderSourcing(pointID: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT order_id FROM dispatch_source WHERE point_id = ? LIMIT 1", arguments: [pointID])
    }

    static func deletePoint(id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM storage_point WHERE id = ?", arguments: [id])
    }
}
