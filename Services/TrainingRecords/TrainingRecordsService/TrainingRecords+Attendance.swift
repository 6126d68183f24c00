import AnlanRPC
import AnlanRecords
import AnlanStorage
import GRDB
import TrainingRecordsAPI

/// Recording attendance, singly and in bulk: each row is checked, written, and each person touched
/// has their training worked out again once, at the end of the transaction.
extension TrainingRecords {
    /// Records (or replaces) one attendance and answers it with `passed` set.
    public func recordAttendance(_ attendance: Attendance) async throws -> Attendance {
        let floodSeason = configuration.floodSeasonStarts
        let scope = RegionRange(subtreeOf: region)
        return try await store.pool.write { db in
            var writer = try AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            do {
                let recorded = try writer.add(attendance)
                _ = try writer.finish()
                return recorded
            } catch let error as InvalidRecord {
                throw RPCError.invalidArgument(error.message)
            }
        }
    }

    /// Records many attendances in one transaction: every valid one is kept; each invalid one is
    /// reported with its 1-based position as its line.
    public func recordAttendances(_ batch: AttendanceBatch) async throws -> ImportReport {
        let floodSeason = configuration.floodSeasonStarts
        let scope = RegionRange(subtreeOf: region)
        return try await store.pool.write { db in
            var writer = try AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            var report = ImportReport()
            var seen: [String: Int] = [:]
            for (position, attendance) in batch.attendances.enumerated() {
                report.rows += 1
                do {
                    let key = attendance.personID.trimmed + "\u{1F}" + attendance.sessionID.trimmed
                    if let first = seen[key] { throw InvalidRecord("this attendance is also at position \(first)") }
                    _ = try writer.add(attendance)
                    seen[key] = position + 1
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(position + 1), reason: error.message))
                }
            }
            for (_, outcome) in try writer.finish() { report.count(outcome) }
            return report
        }
    }
}

/// Writes attendance rows inside the caller's transaction. Rows are checked as they come and
/// written in `finish()`, sorted by person and session so the B-trees are walked in key order; then
/// every person whose attendance changed has their training worked out again, in id order.
struct AttendanceWriter {
    private let db: Database
    private var deriver: TrainingDeriver
    private let scope: RegionRange
    private let insert: RawStatement
    private let update: RawStatement
    private let personRegion: RawStatement
    /// People checked so far (id → role).
    private var people: [String: PersonRole] = [:]
    /// Checked rows waiting to be written, with the caller's tag for each.
    private var pending: [(attendance: Attendance, tag: Int)] = []

    init(_ db: Database, floodSeason: (month: Int, day: Int), scope: RegionRange) throws {
        self.db = db
        self.scope = scope
        deriver = try TrainingDeriver(db, floodSeason: floodSeason)
        insert = try RawStatement(db, sql: "INSERT OR IGNORE INTO attendance (person_id, session_id, hours, score, passed) VALUES (?, ?, ?, ?, ?)")
        personRegion = try RawStatement(db, sql: "SELECT role, region FROM person WHERE id = ?")
        update = try RawStatement(db, sql: """
            UPDATE attendance SET hours = ?3, score = ?4, passed = ?5 WHERE person_id = ?1 AND session_id = ?2
                AND (hours, score, passed) IS NOT (?3, ?4, ?5)
            """)
    }

    /// Checks one attendance and queues it; answers it with `passed` set. `tag` comes back from
    /// `finish()` with what writing it did.
    mutating func add(_ attendance: Attendance, tag: Int = 0) throws -> Attendance {
        var attendance = attendance
        attendance.personID = attendance.personID.trimmed
        attendance.sessionID = attendance.sessionID.trimmed
        if people[attendance.personID] == nil {
            personRegion.reset()
            personRegion.bind(1, attendance.personID)
            guard try personRegion.step(), let role = PersonRole(rawValue: UInt8(clamping: personRegion.int64(0))) else {
                throw InvalidRecord("no person \"\(attendance.personID)\" on this node")
            }
            let inScope = scope.contains(personRegion.text(1))
            personRegion.reset()
            guard inScope else { throw InvalidRecord("person \(attendance.personID) is outside this node's region") }
            people[attendance.personID] = role
        }
        guard let session = try deriver.session(attendance.sessionID), let course = try deriver.course(session.courseCode) else {
            throw InvalidRecord("no session \"\(attendance.sessionID)\" on this node")
        }
        if attendance.hours == 0 { attendance.hours = session.hours }
        guard attendance.hours.isFinite, attendance.hours > 0, attendance.hours <= session.hours else {
            throw InvalidRecord("hours \(attendance.hours) is not in (0, \(session.hours)] (the session's hours)")
        }
        guard attendance.score.isFinite, (0...100).contains(attendance.score) else { throw InvalidRecord("score \(attendance.score) is not 0…100") }
        attendance.passed = attendance.score >= course.passMark
        pending.append((attendance, tag))
        return attendance
    }

    /// Writes the queued rows in key order, works out again the training of every person whose
    /// attendance changed, and answers each row's tag with what writing it did.
    mutating func finish() throws -> [(tag: Int, outcome: WriteOutcome)] {
        pending.sort { ($0.attendance.personID, $0.attendance.sessionID) < ($1.attendance.personID, $1.attendance.sessionID) }
        var outcomes: [(tag: Int, outcome: WriteOutcome)] = []
        outcomes.reserveCapacity(pending.count)
        var touched: [String] = []
        for (attendance, tag) in pending {
            func bind(_ statement: RawStatement) {
                statement.reset()
                statement.bind(1, attendance.personID)
                statement.bind(2, attendance.sessionID)
                statement.bind(3, attendance.hours)
                statement.bind(4, attendance.score)
                statement.bind(5, Int64(attendance.passed ? 1 : 0))
            }
            bind(insert)
            try insert.run()
            var outcome = WriteOutcome.inserted
            if db.changesCount == 0 {
                bind(update)
                try update.run()
                outcome = db.changesCount == 0 ? .unchanged : .updated
            }
            if outcome != .unchanged, touched.last != attendance.personID { touched.append(attendance.personID) }
            outcomes.append((tag, outcome))
        }
        pending = []
        for person in touched { try deriver.derive(personID: person) }
        return outcomes
    }
}
