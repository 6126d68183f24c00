import AnlanNode
import AnlanRecords
import AnlanRegions
import Foundation
import GRDB
import Logging
import MaterialReserveAPI

/// The material-reserve service for one node's region: the catalogue, storage points, and stock that
/// changes only through the ledger. Answers with `RecordServiceError`s: `invalidArgument` for a bad record,
/// `notFound`, and `failedPrecondition` when a movement would take more than is available.
public final class MaterialReserve: Sendable {
    /// The node's region, store, statistics cache, logger and clock (today: stock expiring before it
    /// cannot be allocated).
    let core: RecordServiceCore<MaterialReserveStore, StockQuery, ReserveStatistics>
    /// The most units one movement, order line or need may carry (10¹²): sums over a province's
    /// lines stay far inside Int64.
    public static let maximumUnits: Int64 = 1_000_000_000_000
    let now: @Sendable () -> Date

    public var region: Region { core.region }
    var tree: RegionTree { core.tree }
    var scope: NodeScope { core.scope }

    public init(databasePath: String, regionCode: String, tree: RegionTree = .zhejiang, logger: Logger,
                now: @escaping @Sendable () -> Date = { Date() }, today: @escaping @Sendable () -> CivilDay = { .today }) throws {
        self.core = try RecordServiceCore(databasePath: databasePath, regionCode: regionCode, tree: tree, logger: logger, today: today)
        self.now = now
    }

    // MARK: Catalogue and storage points

    /// Adds or replaces a catalogue item.
    public func putItem(_ item: CatalogueItem) async throws {
        var item = item
        item.code = try validating { try CatalogueCode.validateItem(item.code) }
        item.name = try validating { try item.name.required("name") }
        try await core.store.pool.write { [item] db in
            try MaterialReserveStore.save(item, db)
        }
    }

    /// Adds or replaces a storage point in this node's region.
    public func putStoragePoint(_ point: StoragePoint) async throws {
        var point = point
        try validating {
            point.id = try point.id.required("storage point id")
            point.name = try point.name.required("name")
            let region = try scope.recordRegion(point.regionCode)
            point.regionCode = region.code
            _ = try GeoCoordinate(latitude: point.latitude, longitude: point.longitude)
            guard point.capacity >= 0 else { throw InvalidRecord("capacity \(point.capacity) is negative") }
            guard point.ownerTier <= 4 else { throw InvalidRecord("owner tier \(point.ownerTier) is not 1…4 (or 0: not recorded)") }
            try Self.checkOwner(point.ownerTier, of: region)
        }
        try await core.store.pool.write { [point] db in
            try MaterialReserveStore.save(point, db)
        }
    }

    // MARK: The ledger

    /// Records `movements` in one transaction — all of them or none — and returns them with their
    /// sequence numbers and time stamps.
    ///
    /// - Throws: `invalidArgument` for a malformed movement (unknown point or item, a zero quantity, an
    ///   adjustment without a reason), `failedPrecondition` when one would take more than the line has
    ///   available (held minus reserved); the message names the movement's position in the batch.
    public func record(_ movements: [Movement]) async throws -> [Movement] {
        // Applied in stock-line order, the B-tree pages are visited once each instead of at random;
        // each line's movements keep their order, so the batch succeeds exactly when it would in
        // request order. When it fails, it runs again in request order — all or nothing as before —
        // so the error names the movement request order would (or, if the stock changed meanwhile,
        // the batch succeeds as it now should).
        do {
            return try await record(movements, inLineOrder: true)
        } catch let error as RecordServiceError where error.code == .failedPrecondition || error.code == .invalidArgument {
            return try await record(movements, inLineOrder: false)
        }
    }

    private func record(_ movements: [Movement], inLineOrder: Bool) async throws -> [Movement] {
        let recordedAt = milliseconds()
        return try await core.store.pool.write { db in
            let order = !inLineOrder ? Array(movements.indices) : movements.indices.sorted { a, b in
                let x = movements[a], y = movements[b]
                return (x.storagePointID, x.itemCode.trimmed, x.status.rawValue, x.expiresOn?.dayNumber ?? .max, a)
                    < (y.storagePointID, y.itemCode.trimmed, y.status.rawValue, y.expiresOn?.dayNumber ?? .max, b)
            }
            var ledger = try MaterialReserveStore.LedgerWriter(db, recordedAt: recordedAt)
            var recorded = movements
            for position in order { recorded[position] = try ledger.append(movements[position], position: position) }
            try ledger.finish()
            return recorded
        }
    }

    func milliseconds() -> Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }

    // MARK: Stock

    /// Units held in a region subtree, optionally of one catalogue category (a code prefix), by status.
    ///
    /// A county or larger subtree is summed from `stock_tally` (a few rows per county and item); a
    /// township's from its points' stock lines.
    public func stockTotals(regionCode: String = "", itemPrefix: String = "") async throws -> StockTotals {
        let (asked, range) = try self.asked(regionCode, itemPrefix: itemPrefix)
        return try await core.store.pool.read { db in
            try MaterialReserveStore.stockTotals(in: range, township: asked.tier == .township, itemPrefix: itemPrefix, db)
        }
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await core.store.pool.read { db in try MaterialReserveStore.counts(db) }
    }

    /// Every stock line whose quantity differs from the sum of its movements (empty when the ledger
    /// and the stock agree, as they must).
    public func ledgerDisagreements() async throws -> [String] {
        try await core.store.pool.read { db in try MaterialReserveStore.ledgerDisagreements(db) }
    }

    /// Every tally row that differs from the sum of its stock lines (empty when they agree, as they must).
    public func tallyDisagreements() async throws -> [String] {
        try await core.store.pool.read { db in try MaterialReserveStore.tallyDisagreements(db) }
    }

    // MARK: Helpers

    /// A point is owned by its region's tier or one above it: a township's store cannot stand at a
    /// county's code (its stock would count for the county's norms).
    static func checkOwner(_ tier: UInt8, of region: Region) throws(InvalidRecord) {
        guard let owner = Tier(rawValue: tier), owner > region.tier else { return }
        throw InvalidRecord("owner tier \(owner.name) is below the point's region \(region) (\(region.tier.name))")
    }
}
