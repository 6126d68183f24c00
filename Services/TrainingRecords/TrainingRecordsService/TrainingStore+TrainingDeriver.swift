import AnlanRecords
import AnlanStorage
import GRDB
import TrainingRecordsAPI

extension TrainingStore {
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
            func counts(for role: PersonRole) -> Bool { roles & role.bit != 0 }
        }

        private let db: Database
        private let floodSeason: (month: Int, day: Int)
        private let personFacts: RawStatement
        private let passedAttendance: RawStatement
        private let store: RawStatement
        private var sessions: [String: SessionFacts] = [:]
        private var courses: [String: CourseFacts] = [:]

        init(_ db: Database, floodSeason: (month: Int, day: Int)) throws {
            self.db = db
            self.floodSeason = floodSeason
            personFacts = try RawStatement(db, sql: """
                SELECT role, high_risk, joined, village != '', initial_hours, initial_met, annual_mask, trained_mask, region FROM person WHERE id = ?
                """)
            passedAttendance = try RawStatement(db, sql: "SELECT session_id, hours FROM attendance WHERE person_id = ? AND passed = 1")
            store = try RawStatement(db, sql: "UPDATE person SET initial_hours = ?, initial_met = ?, annual_mask = ?, trained_mask = ? WHERE id = ?")
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

        /// What is stored on a person row from their last derivation.
        struct Derived: Equatable {
            var initialHours: Double
            var initialMet: Bool
            var annualMask: Int64
            var trainedMask: Int64
        }

        /// What a derivation needs to know of a person, read once.
        struct PersonFacts {
            let role: PersonRole
            let highRisk: Bool
            let joinedOn: CivilDay
            let village: Bool
            let region: String
            let derived: Derived
            var tallyKey: CoverageTally.Key { CoverageTally.key(role: role, region: region, village: village) }
        }

        /// Tally changes of this transaction; `finish()` writes them.
        var tally = CoverageTally()

        /// A person's facts, or nil when there is no such person.
        func facts(personID: String) throws -> PersonFacts? {
            personFacts.reset()
            personFacts.bind(1, personID)
            defer { personFacts.reset() }
            guard try personFacts.step(), let role = PersonRole(rawValue: UInt8(clamping: personFacts.int64(0))) else { return nil }
            return PersonFacts(role: role, highRisk: personFacts.int64(1) != 0, joinedOn: CivilDay(dayNumber: Int(personFacts.int64(2))),
                               village: personFacts.int64(3) != 0, region: personFacts.text(8),
                               derived: Derived(initialHours: personFacts.double(4), initialMet: personFacts.int64(5) != 0,
                                                annualMask: personFacts.int64(6), trainedMask: personFacts.int64(7)))
        }

        /// The person's training from their passed attendance at courses for their role.
        mutating func training(personID: String, facts: PersonFacts) throws -> PersonTraining {
            // Read whole before looking sessions up: a statement must not be interleaved with others.
            var rows: [(String, Double)] = []
            passedAttendance.reset()
            passedAttendance.bind(1, personID)
            while try passedAttendance.step() { rows.append((passedAttendance.text(0), passedAttendance.double(1))) }
            passedAttendance.reset()
            var credits: [PersonTraining.Credit] = []
            for (sessionID, hours) in rows {
                guard let session = try session(sessionID), let course = try course(session.courseCode), course.counts(for: facts.role) else { continue }
                credits.append(.init(endsOn: session.endsOn, hours: hours))
            }
            return PersonTraining(role: facts.role, highRisk: facts.highRisk, joinedOn: facts.joinedOn, credits: credits, floodSeasonStarts: floodSeason)
        }

        /// Derives and stores the person's initial hours and year masks.
        mutating func derive(personID: String) throws {
            guard let facts = try facts(personID: personID) else { return }
            try derive(personID: personID, facts: facts)
        }

        /// Derives and stores the person's figures from facts read before (and still true).
        mutating func derive(personID: String, facts: PersonFacts) throws {
            let training = try training(personID: personID, facts: facts)
            let derived = Derived(initialHours: training.initialHours, initialMet: training.initialMet, annualMask: training.annualMask,
                                  trainedMask: training.trainedMask(village: facts.village))
            // Unchanged figures leave the row alone.
            let stored = facts.derived
            guard derived != stored else { return }
            if stored.trainedMask != derived.trainedMask {
                tally.addTrained(-1, mask: stored.trainedMask & ~derived.trainedMask, facts.tallyKey)
                tally.addTrained(1, mask: derived.trainedMask & ~stored.trainedMask, facts.tallyKey)
            }
            store.reset()
            store.bind(1, derived.initialHours)
            store.bind(2, Int64(derived.initialMet ? 1 : 0))
            store.bind(3, derived.annualMask)
            store.bind(4, derived.trainedMask)
            store.bind(5, personID)
            try store.run()
        }

        /// Takes a person out of the coverage tallies (before they leave, or move to another key).
        mutating func removeFromTallies(_ facts: PersonFacts) {
            tally.addPeople(-1, facts.tallyKey)
            tally.addTrained(-1, mask: facts.derived.trainedMask, facts.tallyKey)
        }

        /// Writes the transaction's tally changes. Call once, after the last derivation.
        mutating func finish() throws {
            try tally.flush(db)
        }
    }
}
