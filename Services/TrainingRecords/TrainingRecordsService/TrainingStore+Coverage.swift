import AnlanRecords
import GRDB
import TrainingRecordsAPI

/// Coverage, rule counts and the tallies' self-check: reads inside a caller's transaction.
extension TrainingStore {
    /// One line per target line of each role. A county or more is read from the tallies; a
    /// township's people are counted one by one.
    static func coverageLines(roles: [PersonRole], range: RegionRange, year: Int, _ db: Database) throws -> [CoverageLine] {
        let bit = year - TrainingRules.years.lowerBound
        let fromTallies = range.lower.count <= 6
        var lines: [CoverageLine] = []
        for role in roles {
            var counts: [Bool: (people: Int64, trained: Int64)] = [:]
            if fromTallies {
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village, SUM(people) FROM people_tally WHERE role = ? AND division >= ? AND division < ? GROUP BY village
                    """), arguments: [role.rawValue, range.lower, range.upper]) {
                    counts[row[0], default: (0, 0)].people = row[1]
                }
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village, SUM(trained) FROM trained_tally WHERE role = ? AND year = ? AND division >= ? AND division < ? GROUP BY village
                    """), arguments: [role.rawValue, year, range.lower, range.upper]) {
                    counts[row[0], default: (0, 0)].trained = row[1]
                }
            } else {
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village != '', COUNT(*), COALESCE(SUM((trained_mask >> ?) & 1), 0) FROM person INDEXED BY person_by_role
                    WHERE role = ? AND region >= ? AND region < ? GROUP BY 1
                    """), arguments: [bit, role.rawValue, range.lower, range.upper]) {
                    counts[row[0]] = (row[1], row[2])
                }
            }
            let levels: [Bool?] = TrainingRules.coverageTargets.contains { $0.role == role && $0.village != nil } ? [false, true] : [nil]
            for level in levels {
                let target = TrainingRules.target(for: role, village: level ?? false)
                let people = level.map { counts[$0]?.people ?? 0 } ?? (counts[false]?.people ?? 0) + (counts[true]?.people ?? 0)
                let trained = level.map { counts[$0]?.trained ?? 0 } ?? (counts[false]?.trained ?? 0) + (counts[true]?.trained ?? 0)
                lines.append(CoverageLine(role: role, village: level ?? false, trained: trained, people: people, targetPercent: target.percent,
                                          met: Double(trained) * 100 >= target.percent * Double(people), counts: target.source))
            }
        }
        return lines
    }

    /// For each hour rule, the people it applies to in a subtree in `year` and those who met it.
    static func ruleCounts(in range: RegionRange, year: Int, _ db: Database) throws -> [RuleCount] {
        let bit = year - TrainingRules.years.lowerBound
        let firstDay = CivilDay(year: year, month: 1, day: 1)!.dayNumber
        let lastDay = CivilDay(year: year, month: 12, day: 31)!.dayNumber
        var rules: [RuleCount] = []
        for rule in TrainingRules.hourRules {
            let risk = rule.highRisk.map { " AND high_risk = \($0 ? 1 : 0)" } ?? ""
            let sql = rule.window == .annual
                ? "SELECT COUNT(*), COALESCE(SUM((annual_mask >> \(bit)) & 1), 0) FROM person INDEXED BY person_by_role WHERE role = ? AND region >= ? AND region < ?\(risk) AND joined <= \(firstDay)"
                : "SELECT COUNT(*), COALESCE(SUM(initial_met), 0) FROM person INDEXED BY person_by_role WHERE role = ? AND region >= ? AND region < ?\(risk) AND joined <= \(lastDay)"
            var count = RuleCount(ruleID: rule.id)
            for role in rule.roles {
                let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [role.rawValue, range.lower, range.upper])!
                count.applicable += row[0] as Int64
                count.met += row[1] as Int64
            }
            rules.append(count)
        }
        return rules
    }

    /// Tally rows that differ from a count of the people themselves in `year`.
    static func tallyDisagreements(year: Int, _ db: Database) throws -> [String] {
        let bit = year - TrainingRules.years.lowerBound
        return try String.fetchAll(db, sql: """
            WITH direct AS (
                SELECT role, substr(region, 1, 6) AS division, village != '' AS village, COUNT(*) AS people,
                       SUM((trained_mask >> \(bit)) & 1) AS trained
                FROM person GROUP BY 1, 2, 3
            ), tallied AS (
                SELECT p.role, p.division, p.village, p.people, COALESCE(t.trained, 0) AS trained FROM people_tally p
                LEFT JOIN trained_tally t ON t.role = p.role AND t.division = p.division AND t.village = p.village AND t.year = \(year)
                WHERE p.people != 0
            )
            SELECT 'direct ' || d.role || ' ' || d.division || ' ' || d.village || ': ' || d.people || '/' || d.trained
                   || ', tallied ' || COALESCE(t.people, 0) || '/' || COALESCE(t.trained, 0)
            FROM direct d LEFT JOIN tallied t USING (role, division, village)
            WHERE COALESCE(t.people, 0) != d.people OR COALESCE(t.trained, 0) != d.trained
            UNION ALL
            SELECT 'tallied only ' || t.role || ' ' || t.division FROM tallied t
            WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.role = t.role AND d.division = t.division AND d.village = t.village)
            """)
    }
}
