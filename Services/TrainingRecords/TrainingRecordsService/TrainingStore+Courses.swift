import AnlanRecords
import GRDB
import TrainingRecordsAPI

/// Courses and sessions: reads and writes inside a caller's transaction.
extension TrainingStore {
    /// Inserts or replaces a validated course. A new pass mark or role set changes who passed and
    /// whose hours count: their attendance is marked again and their training worked out again.
    static func save(_ course: Course, floodSeason: (month: Int, day: Int), _ db: Database) throws {
        let roles = course.roles.reduce(Int64(0)) { $0 | $1.bit }
        let before = try Row.fetchOne(db, sql: "SELECT pass_mark, roles FROM course WHERE code = ?", arguments: [course.code])
        try db.execute(sql: """
            INSERT INTO course (code, name, hours, pass_mark, grants_certificate, certificate_kind, validity_months, review_months, roles)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, hours = excluded.hours, pass_mark = excluded.pass_mark,
                grants_certificate = excluded.grants_certificate, certificate_kind = excluded.certificate_kind,
                validity_months = excluded.validity_months, review_months = excluded.review_months, roles = excluded.roles
            """, arguments: [course.code, course.name, course.hours, course.passMark, course.grantsCertificate, course.certificateKind,
                             course.validityMonths, course.reviewMonths, roles])
        if let before, (before[0] as Double) != course.passMark || (before[1] as Int64) != roles {
            try db.execute(sql: """
                UPDATE attendance SET passed = (score >= ?) WHERE session_id IN (SELECT id FROM session WHERE course_code = ?)
                """, arguments: [course.passMark, course.code])
            let people = try String.fetchAll(db, sql: """
                SELECT DISTINCT a.person_id FROM session s JOIN attendance a ON a.session_id = s.id WHERE s.course_code = ?
                """, arguments: [course.code])
            try rederive(people, floodSeason: floodSeason, db)
        }
    }

    static func course(code: String, _ db: Database) throws -> Course? {
        try Row.fetchOne(db, sql: """
            SELECT code, name, hours, pass_mark, grants_certificate, certificate_kind, validity_months, review_months, roles
            FROM course WHERE code = ?
            """, arguments: [code]).map { row in
            let roles: Int64 = row[8]
            return Course(code: row[0], name: row[1], hours: row[2], passMark: row[3], grantsCertificate: row[4], certificateKind: row[5],
                          validityMonths: row[6], reviewMonths: row[7],
                          roles: PersonRole.allCases.filter { roles & $0.bit != 0 })
        }
    }

    static func courseHours(code: String, _ db: Database) throws -> Double? {
        try Double.fetchOne(db, sql: "SELECT hours FROM course WHERE code = ?", arguments: [code])
    }

    /// A stored session's course and end day.
    static func sessionCourseAndEnd(id: String, _ db: Database) throws -> (courseCode: String, ends: Int)? {
        try Row.fetchOne(db, sql: "SELECT course_code, ends FROM session WHERE id = ?", arguments: [id]).map { ($0[0], $0[1]) }
    }

    /// Who attended a session and for how many hours: one scan (attendance has no index by session).
    static func attendance(sessionID: String, _ db: Database) throws -> [(personID: String, hours: Double)] {
        try Row.fetchAll(db, sql: "SELECT person_id, hours FROM attendance WHERE session_id = ?", arguments: [sessionID])
            .map { ($0[0], $0[1]) }
    }

    /// Inserts or replaces a validated session with its hours settled.
    static func save(_ session: TrainingSession, hours: Double, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO session (id, course_code, starts, ends, hours, location, instructor) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET course_code = excluded.course_code, starts = excluded.starts, ends = excluded.ends,
                hours = excluded.hours, location = excluded.location, instructor = excluded.instructor
            """, arguments: [session.id, session.courseCode, session.startsOn!.dayNumber, session.endsOn!.dayNumber, hours,
                             session.location.trimmed, session.instructor.trimmed])
    }

    static func session(id: String, _ db: Database) throws -> TrainingSession? {
        try Row.fetchOne(db, sql: "SELECT id, course_code, starts, ends, hours, location, instructor FROM session WHERE id = ?",
                         arguments: [id]).map { row in
            TrainingSession(id: row[0], courseCode: row[1], startsOn: CivilDay(dayNumber: row[2]), endsOn: CivilDay(dayNumber: row[3]),
                            hours: row[4], location: row[5], instructor: row[6])
        }
    }
}
