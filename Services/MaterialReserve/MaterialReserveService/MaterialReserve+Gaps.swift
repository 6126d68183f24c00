import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// The gap report (holdings against reserve norms, rolled up) and the mergeable region statistics.
extension MaterialReserve {
    /// A region's gaps and its children's, each with its own and its subtree's lines.
    public func gaps(_ request: GapRequest) async throws -> GapReport {
        let (root, range) = try asked(request.regionCode, itemPrefix: request.itemPrefix)
        let today = self.today()
        let tree = self.tree
        return try await store.pool.read { db in
            let assessment = try self.assessment(of: root, range: range, itemPrefix: request.itemPrefix, today: today, db)
            let children = try tree.children(of: root.code).map { assessment.gap(of: $0.code) }
            return GapReport(asOf: today, region: assessment.gap(of: root.code),
                             children: request.shortOnly ? children.filter { $0.shortRegions > 0 } : children)
        }
    }

    /// A subtree's figures for roll-up: storage points, units per level-1 and level-2 category, norm
    /// lines and how many are short, good units expiring within 30 days.
    public func statistics(_ query: StockQuery) async throws -> ReserveStatistics {
        let today = self.today()
        return try await statisticsCache.value(for: DayKey(query, on: today)) { try await countStatistics(query, today: today) }
    }

    /// `statistics` counted now, never a kept answer: what the benchmarks time.
    public func countStatistics(_ query: StockQuery, today: CivilDay) async throws -> ReserveStatistics {
        let (root, range) = try asked(query.regionCode, itemPrefix: query.itemPrefix)
        let items = [query.itemPrefix, query.itemPrefix + ":"]
        return try await store.pool.read { db in
            var statistics = ReserveStatistics(regionCode: root.code, asOf: today)
            statistics.storagePoints = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM storage_point WHERE region >= ? AND region < ?",
                                                          arguments: [range.lower, range.upper]) ?? 0
            let categorySQL = root.tier == .township
                ? """
                  SELECT substr(s.item_code, 1, 3), s.status, SUM(s.quantity) FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
                  WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ? GROUP BY 1, 2
                  """
                : """
                  SELECT substr(item_code, 1, 3), status, SUM(quantity) FROM stock_tally
                  WHERE division >= ? AND division < ? AND item_code >= ? AND item_code < ? GROUP BY 1, 2
                  """
            var categories: [CategoryTotal] = []
            for row in try Row.fetchAll(db, sql: categorySQL, arguments: StatementArguments([range.lower, range.upper] + items)) {
                let level2: String = row[0]
                let units: Int64 = row[2]
                for code in [String(level2.prefix(1)), level2] {
                    var total = CategoryTotal(code: code)
                    switch StockStatus(rawValue: row[1]) {
                    case .good: total.good = units
                    case .damaged: total.damaged = units
                    case .expired: total.expired = units
                    case nil: continue
                    }
                    categories.append(total)
                }
            }
            statistics.merge(ReserveStatistics(categories: categories))
            let assessment = try self.assessment(of: root, range: range, itemPrefix: query.itemPrefix, today: today, db)
            (statistics.normLines, statistics.shortLines) = assessment.lineCounts(of: root.code)
            let expiring = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COALESCE(SUM(s.quantity), 0) FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
                WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ?
                  AND s.status = ? AND s.expires >= ? AND s.expires <= ? AND s.quantity > 0
                """, arguments: StatementArguments([range.lower, range.upper] + items)
                    + [Int(StockStatus.good.rawValue), today.dayNumber, today.adding(days: 30).dayNumber])
            statistics.expiringLots = expiring?[0] ?? 0
            statistics.expiringUnits = expiring?[1] ?? 0
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
        let norms = try Self.norms(itemPrefix: itemPrefix, db)
        let profiles = try Self.profiles(db)
        var owners: [String: String?] = [:]  // "region|owner tier" → the owning region
        var holdings: [String: [String: Int64]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.region, p.owner_tier, s.item_code, SUM(s.quantity - s.reserved)
            FROM storage_point p CROSS JOIN stock_line s ON s.point_id = p.id
            WHERE p.region >= ? AND p.region < ? AND s.item_code >= ? AND s.item_code < ? AND s.status = ? AND s.expires >= ?
              AND s.item_code IN (SELECT item_code FROM reserve_norm)
            GROUP BY p.region, p.owner_tier, s.item_code
            """, arguments: [range.lower, range.upper, itemPrefix, itemPrefix + ":", Int(StockStatus.good.rawValue), today.dayNumber])
        while let row = try rows.next() {
            let region: String = row[0]
            let ownerTier: Int = row[1]
            let key = "\(region)|\(ownerTier)"
            if owners[key] == nil { owners[key] = try owner(of: region, tier: ownerTier) }
            guard let owner = owners[key]! else { continue }
            holdings[owner, default: [:]][row[2] as String, default: 0] += row[3] as Int64
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
