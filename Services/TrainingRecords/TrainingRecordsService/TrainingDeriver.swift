import AnlanRecords
import AnlanStorage
import GRDB
import TrainingRecordsAPI

/// Works a person's training out from their attendance inside the caller's write transaction, and
/// stores what coverage needs on the person row. Sessions and courses are read once per transaction.
struct TrainingDeriver {
    struct SessionFacts {
        let endsOn: CivilDay
        let hours: Double
        let courseCode: String
    }

    struct CourseFacts {
        let passMark: Double
        let roles: Int64
        func counts(for role: PersonRole) -> Bool { roles & (1 << Int64(role.rawValue - 1)) != 0 }
    }

    private let db: Database
    private let floodSeason: (month: Int, day: Int)
    private var sessions: [String: SessionFacts] = [:]
    private var courses: [String: CourseFacts] = [:]

    init(_ db: Database, floodSeason: (month: Int, day: Int)) throws {
        self.db = db
        self.floodSeason = floodSeason
    }

    mutating func session(_ id: String) throws -> SessionFacts? {
        if let known = sessions[id] { return known }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT ends, hours, course_code FROM session WHERE id = ?"), arguments: [id]) else {
            return nil
        }
        let facts = SessionFacts(endsOn: CivilDay(dayNumber: row[0]), hours: row[1], courseCode: row[2])
        sessions[id] = facts
        return facts
    }

    mutating func course(_ code: String) throws -> CourseFacts? {
        if let known = courses[code] { return known }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT pass_mark, roles FROM course WHERE code = ?"), arguments: [code]) else {
            return nil
        }
        let facts = CourseFacts(passMark: row[0], roles: row[1])
        courses[code] = facts
        return facts
    }

    /// The person's training from their attendance, or nil when there is no such person.
    mutating func training(personID: String) throws -> (PersonTraining, village: Bool)? {
        guard let person = try Row.fetchOne(db.cachedStatement(sql: "SELECT role, high_risk, joined, village FROM person WHERE id = ?"),
                                            arguments: [personID]),
              let role = PersonRole(rawValue: person[0]) else { return nil }
        var credits: [PersonTraining.Credit] = []
        // Read whole before looking sessions up: a cursor must not be interleaved with other statements.
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT session_id, hours FROM attendance WHERE person_id = ? AND passed = 1"),
                                    arguments: [personID]) {
            guard let session = try session(row[0]), let course = try course(session.courseCode), course.counts(for: role) else { continue }
            credits.append(.init(endsOn: session.endsOn, hours: row[1]))
        }
        let village: String = person[3]
        return (PersonTraining(role: role, highRisk: person[1], joinedOn: CivilDay(dayNumber: person[2]), credits: credits,
                               floodSeasonStarts: floodSeason), !village.isEmpty)
    }

    /// Derives and stores the person's initial hours and year masks.
    mutating func derive(personID: String) throws {
        guard let (training, village) = try training(personID: personID) else { return }
        try db.cachedStatement(sql: """
            UPDATE person SET initial_hours = ?, initial_met = ?, annual_mask = ?, trained_mask = ? WHERE id = ?
            """).execute(arguments: [training.initialHours, training.initialMet, training.annualMask, training.trainedMask(village: village), personID])
    }
}
