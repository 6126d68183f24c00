import AnlanRecords
import AnlanRegions
import AnlanStorage
import Foundation
import GRDB
import Logging
import TrainingRecordsAPI

/// The training records of one node's region: people, courses, sessions, attendance and
/// certificates, with statutory-hour compliance and coverage against targets. Answers with
/// `RecordServiceError`s: `invalidArgument` for a bad record or request, `notFound`.
public final class TrainingRecords: Sendable {
    public let region: Region
    /// The flood season's start every derivation uses: the flag's, or the one stored in the database.
    public let floodSeason: (month: Int, day: Int)
    let tree: RegionTree
    /// The node's region, against which every region a request names is checked.
    var scope: NodeScope { NodeScope(region: region, tree: tree) }
    let store: TrainingStore
    /// Statistics kept until the database changes (a gateway asks every second).
    let statisticsCache: ReadCache<DayKey<CoverageRequest>, TrainingStatistics>
    let logger: Logger
    /// Today at the node (China Standard Time).
    let today: @Sendable () -> CivilDay

    public init(databasePath: String, regionCode: String, configuration: TrainingConfiguration = TrainingConfiguration(),
                tree: RegionTree = .zhejiang, logger: Logger, today: @escaping @Sendable () -> CivilDay = { .today }) throws {
        self.region = try tree.region(regionCode)
        self.tree = tree
        self.store = try TrainingStore(path: databasePath)
        self.statisticsCache = ReadCache(path: databasePath)
        self.logger = logger
        self.today = today
        floodSeason = try Self.settleFloodSeason(configuration.floodSeasonStarts, store)
    }

    /// Every stored derivation counts flood-control training against the flood season's start: when
    /// the node is given another one, everyone is derived again and the new one stored. Given none,
    /// the stored one stands (a new database stores the default).
    private static func settleFloodSeason(_ asked: (month: Int, day: Int)?, _ store: TrainingStore) throws -> (month: Int, day: Int) {
        func text(_ day: (month: Int, day: Int)) -> String { String(format: "%02d-%02d", day.month, day.day) }
        let select = "SELECT value FROM setting WHERE key = 'flood_season_starts'"
        let stored = try store.pool.read { db in try String.fetchOne(db, sql: select) }
        let floodSeason = asked ?? stored.flatMap(TrainingConfiguration.floodSeasonStart) ?? TrainingConfiguration.defaultFloodSeasonStarts
        guard stored != text(floodSeason) else { return floodSeason }
        try store.pool.write { db in
            // Stored before: there are derivations to redo (no writer of this node runs yet).
            if stored != nil {
                var training = try TrainingDeriver(db, floodSeason: floodSeason)
                for person in try String.fetchAll(db, sql: "SELECT id FROM person WHERE role = ?", arguments: [PersonRole.floodControlResponsible.rawValue]) {
                    try training.derive(personID: person)
                }
                try training.finish()
            }
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('flood_season_starts', ?)", arguments: [text(floodSeason)])
        }
        return floodSeason
    }

    // MARK: People

    /// Adds or replaces a person and answers them with the ID number masked. A change of role,
    /// sector or joining day works their training out again.
    @discardableResult
    public func putPerson(_ person: Person) async throws -> Person {
        let person = try validating { try validated(person) }
        let floodSeason = self.floodSeason
        return try await store.pool.write { db in
            var training = try TrainingDeriver(db, floodSeason: floodSeason)
            _ = try validating { try Self.save(person, db, training: &training) }
            try training.finish()
            return Self.masked(try Self.person(id: person.id, db)!)
        }
    }

    /// A person, with the ID number masked.
    public func person(id: String) async throws -> Person {
        let id = id.trimmed
        guard let person = try await store.pool.read({ db in try Self.person(id: id, db) }) else {
            throw RecordServiceError.notFound("no person \"\(id)\" on this node")
        }
        return Self.masked(person)
    }

    /// A person with the full ID number, for the node's own CLI only (never sent over the wire).
    public func unmaskedPerson(id: String) async throws -> Person {
        guard let person = try await store.pool.read({ db in try Self.person(id: id.trimmed, db) }) else {
            throw RecordServiceError.notFound("no person \"\(id)\" on this node")
        }
        return person
    }

    /// Deletes a person with their attendance and certificates.
    public func deletePerson(id: String) async throws {
        let id = id.trimmed
        let floodSeason = self.floodSeason
        try await store.pool.write { db in
            var training = try TrainingDeriver(db, floodSeason: floodSeason)
            guard let facts = try training.facts(personID: id) else { throw RecordServiceError.notFound("no person \"\(id)\" on this node") }
            training.removeFromTallies(facts)
            try training.finish()
            try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM attendance WHERE person_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM certificate WHERE person_id = ?", arguments: [id])
        }
    }

    /// A page of the people in a region subtree, by region code then id, ID numbers masked.
    public func people(_ query: PersonQuery) async throws -> RecordPage<Person> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        var sql = "SELECT \(Self.personColumns) FROM person WHERE region >= ? AND region < ? AND (region, id) > (?, ?)"
        var arguments: StatementArguments = [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? ""]
        if let role = query.role {
            sql += " AND role = ?"
            arguments += [role.rawValue]
        }
        sql += " ORDER BY region, id LIMIT ?"
        arguments += [limit + 1]
        return try await store.pool.read { [sql, arguments] db in
            let people = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.person(row:))
            let page = Array(people.prefix(limit))
            return RecordPage(records: page.map(Self.masked),
                              nextCursor: people.count > limit ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
        }
    }

    static let personColumns = "id, name, national_id, role, region, village, employer, high_risk, joined"

    static func person(row: Row) -> Person {
        Person(id: row[0], name: row[1], nationalID: row[2], role: PersonRole(rawValue: row[3]) ?? .employee, regionCode: row[4],
               village: row[5], employer: row[6], highRiskSector: row[7], joinedOn: CivilDay(dayNumber: row[8]))
    }

    static func person(id: String, _ db: Database) throws -> Person? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(personColumns) FROM person WHERE id = ?"), arguments: [id]).map(person(row:))
    }

    static func masked(_ person: Person) -> Person {
        var person = person
        person.nationalID = NationalID.masked(person.nationalID)
        return person
    }

    /// Inserts or replaces a validated person; works their training out again, and moves their place
    /// in the coverage tallies, when what those depend on changed. Says what it did. The caller runs
    /// `training.finish()` once after its last save.
    @discardableResult
    static func save(_ person: Person, _ db: Database, training: inout TrainingDeriver) throws -> WriteOutcome {
        let stored = try self.person(id: person.id, db)
        // The error does not say who holds the number: that would turn it into a lookup.
        if try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE national_id = ? AND id != ?"),
                               arguments: [person.nationalID, person.id]) != nil {
            throw InvalidRecord("national ID: already recorded for another person")
        }
        guard stored != person else { return .unchanged }
        let rederive = stored == nil || stored?.role != person.role || stored?.highRiskSector != person.highRiskSector
            || stored?.joinedOn != person.joinedOn || stored?.village.isEmpty != person.village.isEmpty || stored?.regionCode != person.regionCode
        // Out of the old tallies; the derivation below counts them in again under the new key.
        if stored != nil, rederive, let facts = try training.facts(personID: person.id) { training.removeFromTallies(facts) }
        try db.cachedStatement(sql: """
            INSERT INTO person (id, name, national_id, role, region, village, employer, high_risk, joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, national_id = excluded.national_id, role = excluded.role,
                region = excluded.region, village = excluded.village, employer = excluded.employer, high_risk = excluded.high_risk,
                joined = excluded.joined
            """).execute(arguments: [person.id, person.name, person.nationalID, person.role.rawValue, person.regionCode, person.village,
                                     person.employer, person.highRiskSector, person.joinedOn!.dayNumber])
        if rederive {
            try db.cachedStatement(sql: "UPDATE person SET initial_hours = -1, trained_mask = 0 WHERE id = ?").execute(arguments: [person.id])
            training.tally.addPeople(1, CoverageTally.key(role: person.role, region: person.regionCode, village: !person.village.isEmpty))
            try training.derive(personID: person.id)
        }
        return stored == nil ? .inserted : .updated
    }

    func validated(_ person: Person) throws -> Person {
        var person = person
        person.id = try person.id.required("id")
        person.name = try person.name.required("name")
        person.nationalID = try NationalID.validate(person.nationalID)
        let place = try scope.recordRegion(person.regionCode)
        person.regionCode = place.code
        person.village = person.village.trimmed
        // A county without townships (龙港市 governs its communities directly) stands in for the township.
        guard person.village.isEmpty || (place.tier >= .county && (try? scope.tree.isLeaf(place.code)) == true) else {
            throw InvalidRecord("village \"\(person.village)\": a village-level person carries their township's code (a county's only if it has no townships), not \(place)")
        }
        person.employer = person.employer.trimmed
        guard let joined = person.joinedOn else { throw InvalidRecord("joined on: the day is required") }
        guard joined.year >= 1950, joined <= today().adding(days: 366) else { throw InvalidRecord("joined on \(joined) is not a plausible day") }
        return person
    }

    // MARK: Courses and sessions

    public func putCourse(_ course: Course) async throws {
        var course = course
        try validating {
            course.code = try course.code.required("code")
            course.name = try course.name.required("name")
            guard course.hours.isFinite, course.hours > 0, course.hours <= 10_000 else { throw InvalidRecord("hours \(course.hours) is not in (0, 10,000]") }
            guard course.passMark.isFinite, (0...100).contains(course.passMark) else { throw InvalidRecord("pass mark \(course.passMark) is not 0…100") }
            guard course.validityMonths <= 1200, course.reviewMonths <= 1200 else { throw InvalidRecord("validity and review are at most 1,200 months") }
            guard !course.roles.isEmpty else { throw InvalidRecord("roles: a course counts for at least one role") }
            course.certificateKind = course.certificateKind.trimmed
            guard !course.grantsCertificate || !course.certificateKind.isEmpty else { throw InvalidRecord("a course granting a certificate needs its kind") }
        }
        let floodSeason = self.floodSeason
        try await store.pool.write { [course] db in
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
            // A new pass mark or role set changes who passed and whose hours count.
            if let before, (before[0] as Double) != course.passMark || (before[1] as Int64) != roles {
                try db.execute(sql: """
                    UPDATE attendance SET passed = (score >= ?) WHERE session_id IN (SELECT id FROM session WHERE course_code = ?)
                    """, arguments: [course.passMark, course.code])
                var training = try TrainingDeriver(db, floodSeason: floodSeason)
                for person in try String.fetchAll(db, sql: """
                    SELECT DISTINCT a.person_id FROM session s JOIN attendance a ON a.session_id = s.id WHERE s.course_code = ?
                    """, arguments: [course.code]) {
                    try training.derive(personID: person)
                }
                try training.finish()
            }
        }
    }

    public func course(code: String) async throws -> Course {
        let code = code.trimmed
        guard let course = try await store.pool.read({ db in
            try Row.fetchOne(db, sql: """
                SELECT code, name, hours, pass_mark, grants_certificate, certificate_kind, validity_months, review_months, roles
                FROM course WHERE code = ?
                """, arguments: [code]).map { row in
                let roles: Int64 = row[8]
                return Course(code: row[0], name: row[1], hours: row[2], passMark: row[3], grantsCertificate: row[4], certificateKind: row[5],
                              validityMonths: row[6], reviewMonths: row[7],
                              roles: PersonRole.allCases.filter { roles & $0.bit != 0 })
            }
        }) else {
            throw RecordServiceError.notFound("no course \"\(code)\" on this node")
        }
        return course
    }

    public func putSession(_ session: TrainingSession) async throws {
        var session = session
        try validating {
            session.id = try session.id.required("id")
            session.courseCode = try session.courseCode.required("course code")
            guard let starts = session.startsOn, let ends = session.endsOn else { throw InvalidRecord("start and end days are required") }
            guard starts <= ends else { throw InvalidRecord("a session cannot end (\(ends)) before it starts (\(starts))") }
            guard ends.year >= 1950, ends <= today().adding(days: 366) else { throw InvalidRecord("end day \(ends) is not plausible") }
            guard session.hours.isFinite, (0...10_000).contains(session.hours) else { throw InvalidRecord("hours \(session.hours) is not 0…10,000") }
        }
        let floodSeason = self.floodSeason
        try await store.pool.write { [session] db in
            guard let courseHours = try Double.fetchOne(db, sql: "SELECT hours FROM course WHERE code = ?", arguments: [session.courseCode]) else {
                throw RecordServiceError.invalidArgument("no course \"\(session.courseCode)\" on this node")
            }
            let hours = session.hours == 0 ? courseHours : session.hours
            let before = try Row.fetchOne(db, sql: "SELECT course_code, ends FROM session WHERE id = ?", arguments: [session.id])
            // Who attended a session already recorded: one scan (attendance has no index by session).
            let attended = before == nil ? [] : try Row.fetchAll(db, sql: "SELECT person_id, hours FROM attendance WHERE session_id = ?",
                                                                 arguments: [session.id])
            if let most = attended.map({ $0[1] as Double }).max(), most > hours {
                throw RecordServiceError.failedPrecondition("session \(session.id) has attendance of \(most) h; its hours cannot drop to \(hours)")
            }
            if let before, (before[0] as String) != session.courseCode, !attended.isEmpty {
                throw RecordServiceError.failedPrecondition("session \(session.id) has attendance; its course cannot change")
            }
            try db.execute(sql: """
                INSERT INTO session (id, course_code, starts, ends, hours, location, instructor) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET course_code = excluded.course_code, starts = excluded.starts, ends = excluded.ends,
                    hours = excluded.hours, location = excluded.location, instructor = excluded.instructor
                """, arguments: [session.id, session.courseCode, session.startsOn!.dayNumber, session.endsOn!.dayNumber, hours,
                                 session.location.trimmed, session.instructor.trimmed])
            if let before, (before[1] as Int) != session.endsOn!.dayNumber {
                var training = try TrainingDeriver(db, floodSeason: floodSeason)
                for row in attended { try training.derive(personID: row[0]) }
                try training.finish()
            }
        }
    }

    public func session(id: String) async throws -> TrainingSession {
        let id = id.trimmed
        guard let session = try await store.pool.read({ db in
            try Row.fetchOne(db, sql: "SELECT id, course_code, starts, ends, hours, location, instructor FROM session WHERE id = ?",
                             arguments: [id]).map { row in
                TrainingSession(id: row[0], courseCode: row[1], startsOn: CivilDay(dayNumber: row[2]), endsOn: CivilDay(dayNumber: row[3]),
                                hours: row[4], location: row[5], instructor: row[6])
            }
        }) else {
            throw RecordServiceError.notFound("no session \"\(id)\" on this node")
        }
        return session
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await store.pool.read { db in
            try [("people", "person"), ("courses", "course"), ("sessions", "session"), ("attendance", "attendance"),
                 ("certificates", "certificate")].map { name, table in
                (name, try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
            }
        }
    }

    // MARK: Helpers

}
