import AnlanRecords
import EvacuationAPI
import GRDB

extension EvacuationStore {
    /// A task's columns with its person's name, phone and needs.
    static let taskSelect = """
        SELECT t.warning, t.code, p.name, t.region, t.village, t.cadre, p.phone, t.vulnerable, p.needs, t.state, t.shelter, \
        t.updated_at FROM task t JOIN person p ON p.code = t.code
        """

    /// The person's task under `warning`, or (nil) under their most recently issued warning in force at `activeAt`.
    static func task(code: String, warning: String?, activeAt: Int64, _ db: Database) throws -> TransferTask? {
        if let warning {
            return try Row.fetchOne(db, sql: "\(taskSelect) WHERE t.code = ? AND t.warning = ?", arguments: [code, warning]).map(task(_:))
        }
        return try Row.fetchOne(db, sql: """
            \(taskSelect) JOIN warning w ON w.id = t.warning
            WHERE t.code = ? AND w.status = ? AND w.valid_to > ? ORDER BY w.issued_at DESC, w.id DESC LIMIT 1
            """, arguments: [code, WarningStatus.active.rawValue, activeAt]).map(task(_:))
    }

    static func update(_ task: TransferTask, _ db: Database) throws {
        try db.execute(sql: "UPDATE task SET state = ?, shelter = ?, updated_at = ? WHERE warning = ? AND code = ?",
                       arguments: [task.state.rawValue, task.shelterID, task.updatedAtMilliseconds, task.warningID, task.transferCode])
    }

    static func append(_ event: TransferEvent, code: String, warning: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO transfer_event (warning, code, sequence, action, from_state, to_state, actor, recorded_at, shelter, note)
            SELECT ?, ?, coalesce(max(sequence), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM transfer_event WHERE warning = ? AND code = ?
            """, arguments: [warning, code, event.action.rawValue, event.fromState.rawValue, event.toState.rawValue, event.actor,
                             event.recordedAtMilliseconds, event.shelterID, event.note, warning, code])
    }

    static func events(code: String, warning: String, _ db: Database) throws -> [TransferEvent] {
        try Row.fetchAll(db, sql: """
            SELECT sequence, action, from_state, to_state, actor, recorded_at, shelter, note FROM transfer_event
            WHERE warning = ? AND code = ? ORDER BY sequence
            """, arguments: [warning, code]).map { row in
            TransferEvent(sequence: row[0], action: TransferAction(rawValue: row[1]) ?? .confirm,
                          fromState: TransferState(rawValue: row[2]) ?? .toCall, toState: TransferState(rawValue: row[3]) ?? .toCall,
                          actor: row[4], recordedAtMilliseconds: row[5], shelterID: row[6], note: row[7])
        }
    }

    /// Tasks of warnings in force (or of `warning`), in `states`, vulnerable first, then region,
    /// village and code; `cursor` continues after the last one of a page.
    static func worklist(range: RegionRange, village: String, cadre: String, warning: String, states: [TransferState],
                         activeAt: Int64, after cursor: String, limit: Int, _ db: Database) throws -> [TransferTask] {
        var sql = "\(taskSelect) JOIN warning w ON w.id = t.warning WHERE t.region >= ? AND t.region < ?"
        var arguments: StatementArguments = [range.lower, range.upper]
        sql += " AND t.state IN (\(states.map { String($0.rawValue) }.joined(separator: ",")))"
        if warning.isEmpty {
            sql += " AND w.status = ? AND w.valid_to > ?"
            arguments += [WarningStatus.active.rawValue, activeAt]
        } else {
            sql += " AND t.warning = ?"
            arguments += [warning]
        }
        if !village.isEmpty { sql += " AND t.village = ?"; arguments += [village] }
        if !cadre.isEmpty { sql += " AND t.cadre = ?"; arguments += [cadre] }
        let parts = cursor.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 5, let vulnerable = Int(parts[0]) {
            // Vulnerable (1) first: a later row has a smaller vulnerable, or the same and a larger key.
            sql += " AND (t.vulnerable < ? OR (t.vulnerable = ? AND (t.region, t.village, t.code, t.warning) > (?, ?, ?, ?)))"
            arguments += [vulnerable, vulnerable, parts[1], parts[2], parts[3], parts[4]]
        }
        sql += " ORDER BY t.vulnerable DESC, t.region, t.village, t.code, t.warning LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(task(_:))
    }

    static func cursor(of task: TransferTask) -> String {
        "\(task.vulnerable ? 1 : 0)|\(task.regionCode)|\(task.village)|\(task.transferCode)|\(task.warningID)"
    }

    static func task(_ row: Row) -> TransferTask {
        TransferTask(warningID: row[0], transferCode: row[1], name: row[2], regionCode: row[3], village: row[4], cadre: row[5],
                     phone: row[6], vulnerable: row[7], needs: needs(row[8]), state: TransferState(rawValue: row[9]) ?? .toCall,
                     shelterID: row[10], updatedAtMilliseconds: row[11])
    }

    /// The region's counts, tasks only under warnings in force at `activeAt`.
    static func statistics(range: RegionRange, activeAt: Int64, _ db: Database) throws -> EvacuationStatistics {
        var statistics = EvacuationStatistics()
        if let row = try Row.fetchOne(db, sql: "SELECT count(*), count(*) FILTER (WHERE needs != 0) FROM person WHERE region >= ? AND region < ?",
                                      arguments: [range.lower, range.upper]) {
            statistics.coded = row[0]
            statistics.vulnerable = row[1]
        }
        statistics.activeWarnings = try Int64.fetchOne(db, sql: "SELECT count(*) FROM warning WHERE status = ? AND valid_to > ?",
                                                       arguments: [WarningStatus.active.rawValue, activeAt]) ?? 0
        let moved = [TransferState.moved, .returned].map { String($0.rawValue) }.joined(separator: ",")
        let called = [TransferState.called, .moved, .returned].map { String($0.rawValue) }.joined(separator: ",")
        let unresolved = [TransferState.refused, .unreachable].map { String($0.rawValue) }.joined(separator: ",")
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*), count(*) FILTER (WHERE t.state IN (\(called))), count(*) FILTER (WHERE t.state IN (\(moved))),
                   count(*) FILTER (WHERE t.state = \(TransferState.moved.rawValue) AND t.shelter != ''),
                   count(*) FILTER (WHERE t.state IN (\(unresolved))),
                   count(*) FILTER (WHERE t.vulnerable AND t.state NOT IN (\(moved)))
            FROM task t JOIN warning w ON w.id = t.warning
            WHERE t.region >= ? AND t.region < ? AND w.status = ? AND w.valid_to > ?
            """, arguments: [range.lower, range.upper, WarningStatus.active.rawValue, activeAt]) {
            statistics.toMove = row[0]
            statistics.called = row[1]
            statistics.moved = row[2]
            statistics.sheltered = row[3]
            statistics.unresolved = row[4]
            statistics.vulnerableNotMoved = row[5]
        }
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(capacity), 0), coalesce(sum(occupancy), 0), count(*) FILTER (WHERE occupancy > capacity)
            FROM shelter WHERE region >= ? AND region < ?
            """, arguments: [range.lower, range.upper]) {
            statistics.shelters = row[0]
            statistics.shelterCapacity = row[1]
            statistics.shelterOccupancy = row[2]
            statistics.sheltersOverCapacity = row[3]
        }
        return statistics
    }
}
