import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// The gap report (holdings against reserve norms, rolled up) and the mergeable region statistics.
extension MaterialReserve {
    /// A region's gaps and its children's, each with its own and its subtree's lines.
    public func gaps(_ request: GapRequest) async throws -> GapReport {
        let (root, range) = try asked(request.regionCode, itemPrefix: request.itemPrefix)
        let today = self.core.today()
        let tree = self.tree
        return try await core.store.pool.read { db in
            let assessment = try self.assessment(of: root, range: range, itemPrefix: request.itemPrefix, today: today, db)
            let children = try tree.children(of: root.code).map { assessment.gap(of: $0.code) }
            return GapReport(asOf: today, region: assessment.gap(of: root.code),
                             children: request.shortOnly ? children.filter { $0.shortRegions > 0 } : children)
        }
    }

    /// A subtree's figures for roll-up: storage points, units per level-1 and level-2 category, norm
    /// lines and how many are short, good units expiring within 30 days.
    public func statistics(_ query: StockQuery) async throws -> ReserveStatistics {
        let today = self.core.today()
        return try await core.statistics(query, on: today) { try await countStatistics(query, today: today) }
    }

    /// `statistics` counted now, never a kept answer: what the benchmarks time.
    public func countStatistics(_ query: StockQuery, today: CivilDay) async throws -> ReserveStatistics {
        let (root, range) = try asked(query.regionCode, itemPrefix: query.itemPrefix)
        return try await core.store.pool.read { db in
            var statistics = ReserveStatistics(regionCode: root.code, asOf: today)
            statistics.storagePoints = try MaterialReserveStore.pointCount(in: range, db)
            let categories = try MaterialReserveStore.categoryTotals(in: range, township: root.tier == .township, itemPrefix: query.itemPrefix, db)
            statistics.merge(ReserveStatistics(categories: categories))
            let assessment = try self.assessment(of: root, range: range, itemPrefix: query.itemPrefix, today: today, db)
            (statistics.normLines, statistics.shortLines) = assessment.lineCounts(of: root.code)
            (statistics.expiringLots, statistics.expiringUnits) = try MaterialReserveStore.expiringTotals(
                in: range, itemPrefix: query.itemPrefix, from: today, through: today.adding(days: 30), db)
            return statistics
        }
    }

    /// Checks a request's region and item prefix.
    func asked(_ regionCode: String, itemPrefix: String) throws -> (Region, RegionRange) {
        try validating {
            if !itemPrefix.isEmpty { try CatalogueCode.validatePrefix(itemPrefix) }
            let region = try scope.region(regionCode)
            return (region, RegionRange(subtreeOf: region))
        }
    }

    /// The norms of `root`'s subtree against the usable units (good, unexpired, unreserved) at the
    /// storage points each region's tier owns.
    func assessment(of root: Region, range: RegionRange, itemPrefix: String, today: CivilDay, _ db: Database) throws -> GapAssessment {
        let norms = try MaterialReserveStore.norms(itemPrefix: itemPrefix, db)
        let profiles = try MaterialReserveStore.profiles(db)
        var owners: [String: String?] = [:]  // "region|owner tier" → the owning region
        var holdings: [String: [String: Int64]] = [:]
        try MaterialReserveStore.usableHoldings(in: range, itemPrefix: itemPrefix, today: today, db) { region, ownerTier, item, units in
            let key = "\(region)|\(ownerTier)"
            if owners[key] == nil { owners[key] = try owner(of: region, tier: ownerTier) }
            guard let owner = owners[key]! else { return }
            holdings[owner, default: [:]][item, default: 0] += units
        }
        let inherited = try tree.ancestors(of: root.code).lazy.compactMap { profiles[$0.code]?.riskLevel }.first ?? .medium
        return GapAssessment(regions: [root] + (try tree.descendants(of: root.code)), inheritedRisk: inherited, norms: norms,
                             profiles: profiles, holdings: holdings)
    }

    /// The region whose tier owns a point in `region`: its ancestor (or itself) at `tier`; the region
    /// itself when the tier is not recorded (0) or lies below the region's own.
    private func owner(of region: String, tier: Int) throws -> String? {
        let place = try tree.region(region)
        guard let tier = Tier(rawValue: UInt8(clamping: tier)), tier < place.tier else { return place.code }
        return try tree.ancestors(of: region).first { $0.tier == tier }?.code
    }
}
