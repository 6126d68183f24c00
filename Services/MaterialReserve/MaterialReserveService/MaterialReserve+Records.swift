import AnlanRecords
import GRDB
import MaterialReserveAPI

/// Reading and deleting catalogue items and storage points. Deleting is refused while anything
/// still names the record: the ledger is history, and history must stay resolvable.
extension MaterialReserve {
    /// The whole catalogue, by code.
    public func items() async throws -> [CatalogueItem] {
        try await core.store.pool.read { db in
            try MaterialReserveStore.items(db)
        }
    }

    /// Deletes a catalogue item that no stock line, movement, norm or dispatch order names.
    public func deleteItem(code: String) async throws {
        try await core.store.pool.write { db in
            guard try MaterialReserveStore.itemExists(code: code, db) else {
                throw RecordServiceError.notFound("no catalogue item \(code)")
            }
            if let what = try MaterialReserveStore.firstReference(toItem: code, db) {
                throw RecordServiceError.failedPrecondition("item \(code) is named by \(what); it cannot be deleted")
            }
            try MaterialReserveStore.deleteItem(code: code, db)
        }
    }

    /// One storage point.
    public func storagePoint(id: String) async throws -> StoragePoint {
        guard let point = try await core.store.pool.read({ db in try MaterialReserveStore.point(id: id, db) }) else {
            throw RecordServiceError.notFound("no storage point \"\(id)\" on this node")
        }
        return point
    }

    /// A page of the storage points in a region subtree, by region code then id.
    public func storagePoints(_ query: PointQuery) async throws -> RecordPage<StoragePoint> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        return try await core.store.pool.read { db in
            try MaterialReserveStore.points(in: range, after: cursor, limit: limit, db)
        }
    }

    /// Deletes a storage point with no ledger history (so no stock) that no dispatch order names.
    public func deleteStoragePoint(id: String) async throws {
        try await core.store.pool.write { db in
            guard try MaterialReserveStore.pointExists(id: id, db) else {
                throw RecordServiceError.notFound("no storage point \"\(id)\" on this node")
            }
            guard try !MaterialReserveStore.pointHasHistory(id: id, db) else {
                throw RecordServiceError.failedPrecondition("storage point \(id) has ledger history; it cannot be deleted (set its capacity to 0 instead)")
            }
            if let order = try MaterialReserveStore.orderSourcing(pointID: id, db) {
                throw RecordServiceError.failedPrecondition("storage point \(id) is a source of dispatch order \(order); it cannot be deleted")
            }
            try MaterialReserveStore.deletePoint(id: id, db)
        }
    }
}
