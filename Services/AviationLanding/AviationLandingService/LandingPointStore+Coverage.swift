import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import GRDB

/// Coverage and roll-up counts: reads inside a caller's transaction.
extension LandingPointStore {
    /// Points built in `year` in a subtree.
    static func built(in range: RegionRange, year: UInt32, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM landing_point WHERE year_built = ? AND region >= ? AND region < ?
            """), arguments: [year, range.lower, range.upper]) ?? 0
    }

    /// A subtree's points by kind and status, with the compliant ones.
    static func kindStatusCells(in range: RegionRange, _ db: Database) throws -> [KindStatusCell] {
        try Row.fetchAll(db, sql: """
            SELECT kind, status, COUNT(*), SUM(compliant) FROM landing_point WHERE region >= ? AND region < ? GROUP BY kind, status
            """, arguments: [range.lower, range.upper]).compactMap { row -> KindStatusCell? in
            guard let kind = LandingPointKind(rawValue: row[0]), let status = LandingPointStatus(rawValue: row[1]) else { return nil }
            return KindStatusCell(kind: kind, status: status, points: row[2], compliant: row[3])
        }
    }

    /// Each township of `root` and its nearest usable (available) point.
    ///
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
}
