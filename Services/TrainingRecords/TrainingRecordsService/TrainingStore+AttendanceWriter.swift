import AnlanRecords
import AnlanStorage
import GRDB
import TrainingRecordsAPI

extension TrainingStore {
    /// Writes attendance rows inside the caller's transaction. Rows are checked for what needs no
    /// lookup as they come; in `finish()` they are sorted by person and session, each person is read
    /// once (refusing their rows if there is no such person here), their rows written in key order, and
    /// their training worked out again — so the B-trees are walked in key order, not file order.
    struct AttendanceWriter {
        /// What writing a row did, or why it was refused.
        enum Outcome {
            case written(WriteOutcome)
            case refused(String)
        }

        private let db: Database
        private var deriver: TrainingDeriver
        private let scope: RegionRange
        private let insert: RawStatement
        private let update: RawStatement
        /// Checked rows waiting to be written, with the caller's tag for each.
        private var pending: [(attendance: Attendance, tag: Int)] = []
        /// Rows queued and not yet written.
        var pendingCount: Int { pending.count }

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

        /// Checks one attendance against its session and queues it; answers it with `passed` set.
        /// `tag` comes back from `finish()` with what became of the row.
        mutating func add(_ attendance: Attendance, tag: Int = 0) throws -> Attendance {
            var attendance = attendance
            attendance.personID = attendance.personID.trimmed
            attendance.sessionID = attendance.sessionID.trimmed
            guard !attendance.personID.isEmpty else { throw InvalidRecord("person id is required") }
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

        /// Writes the queued rows and works out again the training of every person whose attendance
        /// changed; answers each row's tag with what became of it.
        mutating func finish() throws -> [(tag: Int, outcome: Outcome)] {
            pending.sort { ($0.attendance.personID, $0.attendance.sessionID) < ($1.attendance.personID, $1.attendance.sessionID) }
            var outcomes: [(tag: Int, outcome: Outcome)] = []
            outcomes.reserveCapacity(pending.count)
            var start = 0
            while start < pending.count {
                let person = pending[start].attendance.personID
                var end = start + 1
                while end < pending.count, pending[end].attendance.personID == person { end += 1 }
                defer { start = end }
                guard let facts = try deriver.facts(personID: person) else {
                    for row in pending[start..<end] { outcomes.append((row.tag, .refused("no person \"\(person)\" on this node"))) }
                    continue
                }
                guard scope.contains(facts.region) else {
                    for row in pending[start..<end] { outcomes.append((row.tag, .refused("person \(person) is outside this node's region"))) }
                    continue
                }
                var changed = false
                for (attendance, tag) in pending[start..<end] {
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
                    changed = changed || outcome != .unchanged
                    outcomes.append((tag, .written(outcome)))
                }
                if changed { try deriver.derive(personID: person, facts: facts) }
            }
            pending = []
            try deriver.finish()
            return outcomes
        }
    }
}
