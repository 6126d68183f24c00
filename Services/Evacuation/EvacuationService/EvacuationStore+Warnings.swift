import AnlanRecords
import EvacuationAPI
import GRDB

extension EvacuationStore {
    static let warningColumns = """
        id, issuer, regions, hazard, level, lead_hours, issued_at, valid_from, valid_to, status, replaces, replaced_by, \
        headline, sender, tasks
        """

    static func insert(_ warning: Warning, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO warning (\(warningColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
            warning.id, warning.issuerRegion, warning.regionCodes.joined(separator: ","), warning.hazard.rawValue,
            warning.level.rawValue, warning.leadTimeHours, warning.issuedAtMilliseconds, warning.validFromMilliseconds,
            warning.validToMilliseconds, warning.status.rawValue, warning.replaces, warning.replacedBy, warning.headline,
            warning.sender, warning.tasksCreated,
        ])
    }

    static func warning(id: String, _ db: Database) throws -> Warning? {
        try Row.fetchOne(db, sql: "SELECT \(warningColumns) FROM warning WHERE id = ?", arguments: [id]).map(warning(_:))
    }

    /// Newest first (by issue time, then id); `activeAt` keeps those in force then.
    static func warnings(activeAt: Int64?, after cursor: String, limit: Int, _ db: Database) throws -> [Warning] {
        var sql = "SELECT \(warningColumns) FROM warning WHERE 1"
        var arguments: StatementArguments = []
        if let activeAt {
            sql += " AND status = ? AND valid_to > ?"
            arguments += [WarningStatus.active.rawValue, activeAt]
        }
        if let (issued, id) = parseCursor(cursor) {
            sql += " AND (issued_at, id) < (?, ?)"
            arguments += [issued, id]
        }
        sql += " ORDER BY issued_at DESC, id DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(warning(_:))
    }

    static func cursor(of warning: Warning) -> String { "\(warning.issuedAtMilliseconds)|\(warning.id)" }

    private static func parseCursor(_ cursor: String) -> (Int64, String)? {
        guard let bar = cursor.firstIndex(of: "|"), let issued = Int64(cursor[..<bar]) else { return nil }
        return (issued, String(cursor[cursor.index(after: bar)...]))
    }

    static func setStatus(_ status: WarningStatus, of id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE warning SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
    }

    static func markReplaced(_ id: String, by successor: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE warning SET status = ?, replaced_by = ? WHERE id = ? AND status = ?",
                       arguments: [WarningStatus.replaced.rawValue, successor, id, WarningStatus.active.rawValue])
    }

    /// When the next warning in force at `now` expires (0: none is in force): until then, and without
    /// a write, what the node counts under warnings in force does not change.
    static func nextExpiry(after now: Int64, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT min(valid_to) FROM warning WHERE status = ? AND valid_to > ?",
                           arguments: [WarningStatus.active.rawValue, now]) ?? 0
    }

    static func setTasks(_ count: Int64, of id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE warning SET tasks = ? WHERE id = ?", arguments: [count, id])
    }

    /// One statement per covered range: every person of the range whose risk kind the warning concerns
    /// (and, for `vulnerableOnly`, with a need) gets a task; one who had a task under `carryingOver`
    /// keeps its state and shelter. Returns the tasks created.
    static func createTasks(for warning: String, in ranges: [RegionRange], kinds: Set<RiskZoneKind>, vulnerableOnly: Bool,
                            carryingOver previous: String, at now: Int64, _ db: Database) throws -> Int64 {
        let kindList = kinds.map { String($0.rawValue) }.sorted().joined(separator: ",")
        var created: Int64 = 0
        for range in ranges {
            try db.execute(sql: """
                INSERT OR IGNORE INTO task (warning, code, region, village, cadre, vulnerable, state, shelter, updated_at)
                SELECT ?, p.code, p.region, p.village, p.cadre, p.needs != 0,
                       coalesce(old.state, \(TransferState.toCall.rawValue)), coalesce(old.shelter, ''), ?
                FROM person p LEFT JOIN task old ON old.warning = ? AND old.code = p.code
                WHERE p.region >= ? AND p.region < ? AND p.risk_kind IN (\(kindList))\(vulnerableOnly ? " AND p.needs != 0" : "")
                """, arguments: [warning, now, previous, range.lower, range.upper])
            created += Int64(db.changesCount)
        }
        return created
    }

    static func warning(_ row: Row) -> Warning {
        let regions: String = row[2]
        return Warning(
            id: row[0], issuerRegion: row[1], regionCodes: regions.split(separator: ",").map(String.init),
            hazard: WarningHazard(rawValue: row[3]) ?? .typhoon, level: WarningLevel(rawValue: row[4]) ?? .blue,
            leadTimeHours: row[5], issuedAtMilliseconds: row[6], validFromMilliseconds: row[7], validToMilliseconds: row[8],
            status: WarningStatus(rawValue: row[9]) ?? .active, replaces: row[10], replacedBy: row[11], headline: row[12],
            sender: row[13], tasksCreated: row[14])
    }
}
