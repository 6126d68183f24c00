import AnlanRecords
import GRDB
import MaterialReserveAPI

/// Reading and deleting catalogue items and storage points. Deleting is refused while anything
/// still names the record: the ledger is history, and history must stay resolvable.
extension MaterialReserve {
    /// The whole catalogue, by code.
    public func items() async throws -> [CatalogueItem] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, unit, shelf_life_months FROM catalogue_item ORDER BY code").map { row in
                CatalogueItem(code: row[0], name: row[1], unit: row[2], shelfLifeMonths: row[3])
            }
        }
    }

    /// Deletes a catalogue item that no stock line, movement, norm or dispatch order names.
    public func deleteItem(code: String) async throws {
        try await store.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM catalogue_item WHERE code = ?", arguments: [code]) != nil else {
                throw RecordServiceError.notFound("no catalogue item \(code)")
            }
            for (table, what) in [("movement", "ledger movements"), ("stock_line", "stock lines"), ("reserve_norm", "reserve norms"),
                                  ("dispatch_line", "dispatch orders")]
            where try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE item_code = ? LIMIT 1", arguments: [code]) != nil {
                throw RecordServiceError.failedPrecondition("item \(code) is named by \(what); it cannot be deleted")
            }
            try db.execute(sql: "DELETE FROM catalogue_item WHERE code = ?", arguments: [code])
        }
    }

    /// One storage point.
    public func storagePoint(id: String) async throws -> StoragePoint {
        guard let point = try await store.pool.read({ db in
            try Row.fetchOne(db, sql: "SELECT \(Self.pointSelect) FROM storage_point WHERE id = ?", arguments: [id]).map(Self.point(row:))
        }) else {
            throw RecordServiceError.notFound("no storage point \"\(id)\" on this node")
        }
        return point
    }

    /// A page of the storage points in a region subtree, by region code then id.
    public func storagePoints(_ query: PointQuery) async throws -> RecordPage<StoragePoint> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        return try await store.pool.read { db in
            let points = try Row.fetchAll(db, sql: """
                SELECT \(Self.pointSelect) FROM storage_point
                WHERE region >= ? AND region < ? AND (region, id) > (?, ?) ORDER BY region, id LIMIT ?
                """, arguments: [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? "", limit + 1]).map(Self.point(row:))
            let more = points.count > limit
            let page = Array(points.prefix(limit))
            return RecordPage(records: page, nextCursor: more ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
        }
    }

    /// Deletes a storage point with no ledger history (so no stock) that no dispatch order names.
    public func deleteStoragePoint(id: String) async throws {
        try await store.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM storage_point WHERE id = ?", arguments: [id]) != nil else {
                throw RecordServiceError.notFound("no storage point \"\(id)\" on this node")
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM movement WHERE point_id = ? LIMIT 1", arguments: [id]) == nil else {
                throw RecordServiceError.failedPrecondition("storage point \(id) has ledger history; it cannot be deleted (set its capacity to 0 instead)")
            }
            if let order = try String.fetchOne(db, sql: "SELECT order_id FROM dispatch_source WHERE point_id = ? LIMIT 1", arguments: [id]) {
                throw RecordServiceError.failedPrecondition("storage point \(id) is a source of dispatch order \(order); it cannot be deleted")
            }
            try db.execute(sql: "DELETE FROM storage_point WHERE id = ?", arguments: [id])
        }
    }

    static let pointSelect = "id, region, name, lat, lon, capacity, contact, phone, owner_tier"

    static func point(row: Row) -> StoragePoint {
        StoragePoint(id: row[0], regionCode: row[1], name: row[2], latitude: row[3], longitude: row[4], capacity: row[5],
                     contact: row[6], phone: row[7], ownerTier: row[8])
    }
}
