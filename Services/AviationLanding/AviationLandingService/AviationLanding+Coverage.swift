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
        return try await core.store.pool.read { db in try LandingPointStore.coverage(of: root, within: within, tree: tree, db) }
    }

    /// Points built in a year in a region and each of its children, against their share of the
    /// province's annual target (shared out by number of townships).
    public func targets(_ request: TargetRequest) async throws -> TargetReport {
        let (root, year) = try validating { (try scope.region(request.regionCode), try constructionYear(request.year)) }
        let tree = self.tree
        return try await core.store.pool.read { db in
            TargetReport(year: year, annualTarget: Int64(self.configuration.annualTarget), region: try self.target(of: root, year: year, db),
                         children: try tree.children(of: root.code).map { try self.target(of: $0, year: year, db) })
        }
    }

    /// Points built in `year` in a region's subtree, against its share of the annual target.
    func target(of region: Region, year: UInt32, _ db: Database) throws -> RegionTarget {
        let built = try LandingPointStore.built(in: RegionRange(subtreeOf: region), year: year, db)
        return RegionTarget(regionCode: region.code, built: built, target: Double(configuration.annualTarget) * shares.share(of: region))
    }

    /// A subtree's figures for roll-up: points by kind and status with the compliant ones, townships
    /// covered, and this year's (or `year`'s) construction against its target.
    public func statistics(_ request: CoverageRequest) async throws -> LandingStatistics {
        let today = self.core.today()
        return try await core.statistics(request, on: today) { try await countStatistics(request, today: today) }
    }

    private func countStatistics(_ request: CoverageRequest, today: CivilDay) async throws -> LandingStatistics {
        let (root, within, year) = try validating {
            (try scope.region(request.regionCode), try distance(request.withinKilometres), try constructionYear(request.year))
        }
        let tree = self.tree
        return try await core.store.pool.read { db in
            let cells = try LandingPointStore.kindStatusCells(in: RegionRange(subtreeOf: root), db)
            let coverage = try LandingPointStore.coverage(of: root, within: within, tree: tree, listing: false, db)
            let target = try self.target(of: root, year: year, db)
            return LandingStatistics(regionCode: root.code, asOf: today, cells: cells, townshipsCovered: coverage.covered,
                                     townships: coverage.total, withinKilometres: within, year: year,
                                     built: target.built, target: target.target)
        }
    }

    private func distance(_ asked: Double) throws -> Double {
        guard asked.isFinite, (0...1000).contains(asked) else { throw InvalidRecord("within \(asked) km is not 0…1000") }
        return asked == 0 ? configuration.coverageKilometres : asked
    }

    private func constructionYear(_ asked: UInt32) throws -> UInt32 {
        guard asked == 0 || (1900...9999).contains(asked) else { throw InvalidRecord("year \(asked) is not 1900…9999") }
        return asked == 0 ? UInt32(core.today().year) : asked
    }
}
