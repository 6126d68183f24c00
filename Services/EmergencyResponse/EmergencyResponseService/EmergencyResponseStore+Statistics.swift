import AnlanRecords
import EmergencyResponseAPI
import GRDB

extension EmergencyResponseStore {
    /// A subtree's figures, each an aggregate over the region index.
    static func statistics(range: RegionRange, _ db: Database) throws -> EmergencyStatistics {
        let bounds: StatementArguments = [range.lower, range.upper]
        let teams = try Row.fetchAll(db, sql: """
            SELECT kind, readiness, count(*), sum(headcount) FROM team WHERE region >= ? AND region < ? GROUP BY kind, readiness
            """, arguments: bounds).compactMap { row -> TeamCell? in
            guard let kind = TeamKind(rawValue: row[0]), let readiness = Readiness(rawValue: row[1]) else { return nil }
            return TeamCell(kind: kind, readiness: readiness, teams: row[2], headcount: row[3])
        }
        let closed = IncidentStatus.closed.rawValue
        let open = try Row.fetchAll(db, sql: """
            SELECT level, count(*) FROM incident WHERE region >= ? AND region < ? AND status != \(closed) GROUP BY level
            """, arguments: bounds).compactMap { row in ResponseLevel(rawValue: row[0]).map { LevelCount(level: $0, open: row[1]) } }
        var statistics = EmergencyStatistics(teams: teams, openIncidents: open)
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*), count(*) FILTER (WHERE first_arrival > 0),
                   coalesce(sum((first_arrival - reported_at) / 1000) FILTER (WHERE first_arrival > 0), 0),
                   coalesce(sum(affected) FILTER (WHERE status != \(closed)), 0), coalesce(sum(dead) FILTER (WHERE status != \(closed)), 0),
                   coalesce(sum(injured) FILTER (WHERE status != \(closed)), 0), coalesce(sum(missing) FILTER (WHERE status != \(closed)), 0)
            FROM incident WHERE region >= ? AND region < ?
            """, arguments: bounds) {
            statistics.incidents = row[0]
            statistics.incidentsArrived = row[1]
            statistics.arrivalSeconds = row[2]
            statistics.affected = row[3]
            statistics.dead = row[4]
            statistics.injured = row[5]
            statistics.missing = row[6]
        }
        return statistics
    }
}
