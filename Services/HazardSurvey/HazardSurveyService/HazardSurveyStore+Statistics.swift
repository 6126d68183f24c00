import AnlanRecords
import GRDB
import HazardSurveyAPI

/// Roll-up statistics: points and enterprises from the trigger-kept tallies (one row per township,
/// type and band — never the records), hidden hazards from a covering index (overdue depends on the day).
extension HazardSurveyStore {
    /// Which regions' records to count: a whole subtree, or records coded to exactly one region.
    enum StatisticsScope {
        /// A county's or township's subtree: read the township tally.
        case subtree(RegionRange)
        /// A city's or the province's subtree (whole counties): read the county tally.
        case counties(RegionRange)
        case exactly(String)

        var condition: (sql: String, arguments: StatementArguments) {
            switch self {
            case .subtree(let range), .counties(let range): ("region >= ? AND region < ?", [range.lower, range.upper])
            case .exactly(let code): ("region = ?", [code])
            }
        }

        var pointTally: String {
            if case .counties = self { "hazard_point_county_tally" } else { "hazard_point_tally" }
        }
    }

    static func statistics(_ scope: StatisticsScope, regionCode: String, asOf day: CivilDay, _ db: Database) throws -> HazardStatistics {
        let (condition, arguments) = scope.condition
        let pointCells = try Row.fetchAll(db, sql: """
            SELECT type, band, SUM(points), SUM(population), SUM(transfer) FROM \(scope.pointTally)
            WHERE \(condition) GROUP BY type, band
            """, arguments: arguments).compactMap { row -> PointCell? in
            guard let type = HazardType(rawValue: row[0]) else { return nil }
            return PointCell(type: type, band: row[1], points: row[2], populationAtRisk: row[3], registeredForTransfer: row[4])
        }
        let enterpriseCells = try Row.fetchAll(db, sql: """
            SELECT grade, sector, SUM(enterprises), SUM(major_sources) FROM enterprise_tally
            WHERE \(condition) GROUP BY grade, sector
            """, arguments: arguments).compactMap { row -> EnterpriseCell? in
            guard let grade = RiskGrade(rawValue: row[0]), let sector = IndustrySector(rawValue: row[1]) else { return nil }
            return EnterpriseCell(grade: grade, sector: sector, enterprises: row[2], majorHazardSources: row[3])
        }
        var hiddenArguments: StatementArguments = [day.dayNumber]
        hiddenArguments += arguments
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(state < 5), 0), COALESCE(SUM(state < 5 AND deadline < ?1), 0),
                   COALESCE(SUM(state = 5), 0), COALESCE(SUM(state = 5 AND closed <= deadline), 0),
                   COALESCE(SUM(state < 5 AND major), 0), COALESCE(SUM(state < 5 AND listed), 0)
            FROM hidden_hazard INDEXED BY hidden_hazard_for_statistics WHERE \(condition)
            """, arguments: hiddenArguments)!
        let hidden = HiddenHazardCounts(open: row[0], overdue: row[1], closed: row[2], closedOnTime: row[3],
                                        majorOpen: row[4], listedOpen: row[5])
        return HazardStatistics(regionCode: regionCode, asOf: day, pointCells: pointCells,
                                enterpriseCells: enterpriseCells, hiddenHazards: hidden)
    }
}
