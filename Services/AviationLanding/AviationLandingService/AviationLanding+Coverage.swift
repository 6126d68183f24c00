import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import GRDB

/// Coverage of townships by usable landing points, construction against the annual target, and the
/// mergeable statistics that roll both up.
extension AviationLanding {
    /// Each township of a region and its nearest usable (available) point on this node.
    public func coverage(_ request: CoverageRequest) async throws -> CoverageReport {
        let (root, within) = try validating { (try scope.region(request.regionCode), try distance(request.withinKilometres)) }
        let tree = self.tree
        return try await store.pool.read { db in try Self.coverage(of: root, within: within, tree: tree, db) }
    }

    /// Points built in a year in a region and each of its children, against their share of the
    /// province's annual target (shared out by number of townships).
    public func targets(_ request: TargetRequest) async throws -> TargetReport {
        let (root, year) = try validating { (try scope.region(request.regionCode), try constructionYear(request.year)) }
        let tree = self.tree
        return try await store.pool.read { db in
            TargetReport(year: year, annualTarget: Int64(self.configuration.annualTarget), region: try self.target(of: root, year: year, db),
                         children: try tree.children(of: root.code).map { try self.target(of: $0, year: year, db) })
        }
    }

    /// Points built in `year` in a region's subtree, against its share of the annual target.
    func target(of region: Region, year: UInt32, _ db: Database) throws -> RegionTarget {
        let range = RegionRange(subtreeOf: region)
        let built = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM landing_point WHERE year_built = ? AND region >= ? AND region < ?
            """), arguments: [year, range.lower, range.upper]) ?? 0
        return RegionTarget(regionCode: region.code, built: built, target: Double(configuration.annualTarget) * shares.share(of: region))
    }

    /// A subtree's figures for roll-up: points by kind and status with the compliant ones, townships
    /// covered, and this year's (or `year`'s) construction against its target.
    public func statistics(_ request: CoverageRequest) async throws -> LandingStatistics {
        let today = self.today()
        return try await statisticsCache.value(for: DayKey(request, on: today)) { try await countStatistics(request, today: today) }
    }

    private func countStatistics(_ request: CoverageRequest, today: CivilDay) async throws -> LandingStatistics {
        let (root, within, year) = try validating {
            (try scope.region(request.regionCode), try distance(request.withinKilometres), try constructionYear(request.year))
        }
        let tree = self.tree
        return try await store.pool.read { db in
            let range = RegionRange(subtreeOf: root)
            let cells = try Row.fetchAll(db, sql: """
                SELECT kind, status, COUNT(*), SUM(compliant) FROM landing_point WHERE region >= ? AND region < ? GROUP BY kind, status
                """, arguments: [range.lower, range.upper]).compactMap { row -> KindStatusCell? in
                guard let kind = LandingPointKind(rawValue: row[0]), let status = LandingPointStatus(rawValue: row[1]) else { return nil }
                return KindStatusCell(kind: kind, status: status, points: row[2], compliant: row[3])
            }
            let coverage = try Self.coverage(of: root, within: within, tree: tree, listing: false, db)
            let target = try self.target(of: root, year: year, db)
            return LandingStatistics(regionCode: root.code, asOf: today, cells: cells, townshipsCovered: coverage.covered,
                                     townships: coverage.total, withinKilometres: within, year: year,
                                     built: target.built, target: target.target)
        }
    }

    /// - Parameter listing: false for the counts alone (statistics): no line per township, no ids looked up.
    static func coverage(of root: Region, within: Double, tree: RegionTree, listing: Bool = true, _ db: Database) throws -> CoverageReport {
        let townships = root.tier == .township ? [root] : try tree.descendants(of: root.code).filter { $0.tier == .township }
        let search = try SpatialSearch(db, statuses: [.available], minimumClass: nil)
        let ids = try db.cachedStatement(sql: "SELECT id FROM landing_point WHERE seq = ?")
        var report = CoverageReport(withinKilometres: within, total: Int64(townships.count))
        // Neighbouring townships come one after another, so the last distance is a good first guess.
        var guess = 2.0
        for township in townships.sorted(by: { $0.code < $1.code }) {
            let location = try tree.location(of: township.code)
            var line = TownshipCoverage(regionCode: township.code, approximate: location.isApproximate)
            if let nearest = try search.nearest(1, to: location.coordinate, startingAt: guess).first {
                if listing { line.nearestPointID = try String.fetchOne(ids, arguments: [nearest.seq]) ?? "" }
                line.distanceKilometres = nearest.distance
                line.covered = nearest.distance <= within
                guess = max(nearest.distance * 1.2, 0.5)
            }
            if line.covered { report.covered += 1 }
            if listing { report.townships.append(line) }
        }
        return report
    }

    private func distance(_ asked: Double) throws -> Double {
        guard asked.isFinite, (0...1000).contains(asked) else { throw InvalidRecord("within \(asked) km is not 0…1000") }
        return asked == 0 ? configuration.coverageKilometres : asked
    }

    private func constructionYear(_ asked: UInt32) throws -> UInt32 {
        guard asked == 0 || (1900...9999).contains(asked) else { throw InvalidRecord("year \(asked) is not 1900…9999") }
        return asked == 0 ? UInt32(today().year) : asked
    }
}
