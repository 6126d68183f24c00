import AnlanRecords
import EmergencyResponseAPI
import GRDB

extension EmergencyResponseStore {
    static let incidentColumns = """
        id, kind, title, latitude, longitude, region, reported_at, severity, level, status, affected, dead, injured, missing, \
        reporter, first_arrival, closed_at, report_key
        """

    /// Records a new incident with the id `<node region>-<rowid>` and answers it.
    static func insert(_ incident: Incident, nodeRegion: String, _ db: Database) throws -> Incident {
        let rowid = (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'incident'") ?? 0) + 1
        var recorded = incident
        recorded.id = "\(nodeRegion)-\(rowid)"
        try db.execute(sql: "INSERT INTO incident (rowid, \(incidentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [
                           rowid, recorded.id, recorded.kind.rawValue, recorded.title, recorded.latitude, recorded.longitude,
                           recorded.regionCode, recorded.reportedAtMilliseconds, recorded.severity.rawValue,
                           recorded.responseLevel.rawValue, recorded.status.rawValue, recorded.affected, recorded.dead,
                           recorded.injured, recorded.missing, recorded.reporter, recorded.firstArrivalMilliseconds,
                           recorded.closedAtMilliseconds, recorded.reportKey,
                       ])
        return recorded
    }

    /// Writes what changes after a report: level, status, counts and times.
    static func update(_ incident: Incident, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE incident SET level = ?, status = ?, affected = ?, dead = ?, injured = ?, missing = ?, first_arrival = ?,
                closed_at = ? WHERE id = ?
            """, arguments: [incident.responseLevel.rawValue, incident.status.rawValue, incident.affected, incident.dead,
                             incident.injured, incident.missing, incident.firstArrivalMilliseconds, incident.closedAtMilliseconds,
                             incident.id])
    }

    static func incident(id: String, _ db: Database) throws -> Incident? {
        try Row.fetchOne(db, sql: "SELECT \(incidentColumns) FROM incident WHERE id = ?", arguments: [id]).map(incident(_:))
    }

    static func incident(reportKey: String, _ db: Database) throws -> Incident? {
        try Row.fetchOne(db, sql: "SELECT \(incidentColumns) FROM incident WHERE report_key = ?", arguments: [reportKey]).map(incident(_:))
    }

    /// A subtree's incidents, newest first, before the rowid `before` (nil: from the newest).
    static func incidents(range: RegionRange, openOnly: Bool, before: Int64?, limit: Int, _ db: Database) throws -> [(rowid: Int64, incident: Incident)] {
        var sql = "SELECT \(incidentColumns), rowid FROM incident WHERE region >= ? AND region < ?"
        var arguments: StatementArguments = [range.lower, range.upper]
        if openOnly { sql += " AND status != ?"; arguments += [IncidentStatus.closed.rawValue] }
        if let before { sql += " AND rowid < ?"; arguments += [before] }
        sql += " ORDER BY rowid DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0[18], incident($0)) }
    }

    /// Appends an entry after the incident's last and answers it.
    @discardableResult
    static func append(_ kind: TimelineKind, to incident: String, at: Int64, actor: String, text: String,
                       _ db: Database) throws -> TimelineEntry {
        let sequence = (try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM timeline WHERE incident = ?", arguments: [incident]) ?? 0) + 1
        try db.execute(sql: "INSERT INTO timeline (incident, sequence, at, actor, kind, text) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [incident, sequence, at, actor, kind.rawValue, text])
        return TimelineEntry(incidentID: incident, sequence: sequence, atMilliseconds: at, actor: actor, kind: kind, text: text)
    }

    /// Every entry, oldest first.
    static func timeline(of incident: String, _ db: Database) throws -> [TimelineEntry] {
        try Row.fetchAll(db, sql: "SELECT sequence, at, actor, kind, text FROM timeline WHERE incident = ? ORDER BY sequence",
                         arguments: [incident]).map {
            TimelineEntry(incidentID: incident, sequence: $0[0], atMilliseconds: $0[1], actor: $0[2],
                          kind: TimelineKind(rawValue: $0[3]) ?? .fieldReport, text: $0[4])
        }
    }

    static func incident(_ row: Row) -> Incident {
        Incident(
            id: row[0], kind: IncidentKind(rawValue: row[1]) ?? .flood, title: row[2], latitude: row[3], longitude: row[4],
            regionCode: row[5], reportedAtMilliseconds: row[6], severity: IncidentSeverity(rawValue: row[7]) ?? .ordinary,
            responseLevel: ResponseLevel(rawValue: row[8]) ?? .four, status: IncidentStatus(rawValue: row[9]) ?? .reported,
            affected: row[10], dead: row[11], injured: row[12], missing: row[13], reporter: row[14],
            firstArrivalMilliseconds: row[15], closedAtMilliseconds: row[16], reportKey: row[17])
    }
}
