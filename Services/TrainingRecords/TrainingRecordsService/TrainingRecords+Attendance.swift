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
                let (recorded, _) = try writer.write(attendance)
                try writer.finish()
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
            for (position, attendance) in batch.attendances.enumerated() {
                report.rows += 1
                do {
                    report.count(try writer.write(attendance).1)
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(position + 1), reason: error.message))
                }
            }
            try writer.finish()
            return report
        }
    }
}

/// Writes attendance rows inside the caller's transaction and, in `finish()`, works out again the
/// training of every person whose attendance changed.
struct AttendanceWriter {
    private let db: Database
    private var deriver: TrainingDeriver
    private let scope: RegionRange
    private let insert: RawStatement
    private let update: RawStatement
    /// People checked so far (id → role), and those whose attendance changed.
    private var people: [String: PersonRole] = [:]
    private var touched: Set<String> = []

    init(_ db: Database, floodSeason: (month: Int, day: Int), scope: RegionRange) throws {
        self.db = db
        self.scope = scope
        deriver = try TrainingDeriver(db, floodSeason: floodSeason)
        insert = try RawStatement(db, sql: "INSERT OR IGNORE INTO attendance (person_id, session_id, hours, score, passed) VALUES (?, ?, ?, ?, ?)")
        update = try RawStatement(db, sql: """
            UPDATE attendance SET hours = ?3, score = ?4, passed = ?5 WHERE person_id = ?1 AND session_id = ?2
                AND (hours, score, passed) IS NOT (?3, ?4, ?5)
            """)
    }

    /// Checks and writes one attendance; answers it with `passed` set, and what writing did.
    mutating func write(_ attendance: Attendance) throws -> (Attendance, WriteOutcome) {
        var attendance = attendance
        attendance.personID = attendance.personID.trimmed
        attendance.sessionID = attendance.sessionID.trimmed
        if people[attendance.personID] == nil {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT role, region FROM person WHERE id = ?"), arguments: [attendance.personID]),
                  let role = PersonRole(rawValue: row[0]) else {
                throw InvalidRecord("no person \"\(attendance.personID)\" on this node")
            }
            guard scope.contains(row[1]) else { throw InvalidRecord("person \(attendance.personID) is outside this node's region") }
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
        if outcome != .unchanged { touched.insert(attendance.personID) }
        return (attendance, outcome)
    }

    /// Works out again the training of every person whose attendance changed.
    mutating func finish() throws {
        for person in touched { try deriver.derive(personID: person) }
        touched = []
    }
}
