import AnlanNode
import AnlanRecords
import AnlanRegions
import Foundation
import GRDB
import Logging
import TrainingRecordsAPI

/// The training records of one node's region: people, courses, sessions, attendance and
/// certificates, with statutory-hour compliance and coverage against targets. Answers with
/// `RecordServiceError`s: `invalidArgument` for a bad record or request, `notFound`.
public final class TrainingRecords: Sendable {
    /// The node's region, store, statistics cache, logger and clock.
    let core: RecordServiceCore<TrainingStore, CoverageRequest, TrainingStatistics>
    /// The flood season's start every derivation uses: the flag's, or the one stored in the database.
    public let floodSeason: (month: Int, day: Int)

    public var region: Region { core.region }
    var tree: RegionTree { core.tree }
    var scope: NodeScope { core.scope }

    public init(databasePath: String, regionCode: String, configuration: TrainingConfiguration = TrainingConfiguration(),
                tree: RegionTree = .zhejiang, logger: Logger, today: @escaping @Sendable () -> CivilDay = { .today }) throws {
        let core = try RecordServiceCore<TrainingStore, CoverageRequest, TrainingStatistics>(
            databasePath: databasePath, regionCode: regionCode, tree: tree, logger: logger, today: today)
        self.core = core
        floodSeason = try Self.settleFloodSeason(configuration.floodSeasonStarts, core.store)
    }

    /// Every stored derivation counts flood-control training against the flood season's start: when
    /// the node is given another one, everyone is derived again and the new one stored. Given none,
    /// the stored one stands (a new database stores the default).
    private static func settleFloodSeason(_ asked: (month: Int, day: Int)?, _ store: TrainingStore) throws -> (month: Int, day: Int) {
        func text(_ day: (month: Int, day: Int)) -> String { String(format: "%02d-%02d", day.month, day.day) }
        let stored = try store.pool.read { db in try TrainingStore.storedFloodSeason(db) }
        let floodSeason = asked ?? stored.flatMap(TrainingConfiguration.floodSeasonStart) ?? TrainingConfiguration.defaultFloodSeasonStarts
        guard stored != text(floodSeason) else { return floodSeason }
        // Stored before: there are derivations to redo (no writer of this node runs yet).
        try store.pool.write { db in
            try TrainingStore.storeFloodSeason(floodSeason, text: text(floodSeason), rederive: stored != nil, db)
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
        return try await core.store.pool.write { db in
            var training = try TrainingStore.TrainingDeriver(db, floodSeason: floodSeason)
            _ = try validating { try TrainingStore.save(person, db, training: &training) }
            try training.finish()
            return Self.masked(try TrainingStore.person(id: person.id, db)!)
        }
    }

    /// A person, with the ID number masked.
    public func person(id: String) async throws -> Person {
        let id = id.trimmed
        guard let person = try await core.store.pool.read({ db in try TrainingStore.person(id: id, db) }) else {
            throw RecordServiceError.notFound("no person \"\(id)\" on this node")
        }
        return Self.masked(person)
    }

    /// A person with the full ID number, for the node's own CLI only (never sent over the wire).
    public func unmaskedPerson(id: String) async throws -> Person {
        guard let person = try await core.store.pool.read({ db in try TrainingStore.person(id: id.trimmed, db) }) else {
            throw RecordServiceError.notFound("no person \"\(id)\" on this node")
        }
        return person
    }

    /// Deletes a person with their attendance and certificates.
    public func deletePerson(id: String) async throws {
        let id = id.trimmed
        let floodSeason = self.floodSeason
        try await core.store.pool.write { db in
            guard try TrainingStore.deletePerson(id: id, floodSeason: floodSeason, db) else {
                throw RecordServiceError.notFound("no person \"\(id)\" on this node")
            }
        }
    }

    /// A page of the people in a region subtree, by region code then id, ID numbers masked.
    public func people(_ query: PersonQuery) async throws -> RecordPage<Person> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        return try await core.store.pool.read { db in
            let page = try TrainingStore.people(in: range, after: cursor, role: query.role, limit: limit, db)
            return RecordPage(records: page.records.map(Self.masked), nextCursor: page.nextCursor)
        }
    }

    static func masked(_ person: Person) -> Person {
        var person = person
        person.nationalID = NationalID.masked(person.nationalID)
        return person
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
        guard joined.year >= 1950, joined <= core.today().adding(days: 366) else { throw InvalidRecord("joined on \(joined) is not a plausible day") }
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
        try await core.store.pool.write { [course] db in try TrainingStore.save(course, floodSeason: floodSeason, db) }
    }

    public func course(code: String) async throws -> Course {
        let code = code.trimmed
        guard let course = try await core.store.pool.read({ db in try TrainingStore.course(code: code, db) }) else {
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
            guard ends.year >= 1950, ends <= core.today().adding(days: 366) else { throw InvalidRecord("end day \(ends) is not plausible") }
            guard session.hours.isFinite, (0...10_000).contains(session.hours) else { throw InvalidRecord("hours \(session.hours) is not 0…10,000") }
        }
        let floodSeason = self.floodSeason
        try await core.store.pool.write { [session] db in
            guard let courseHours = try TrainingStore.courseHours(code: session.courseCode, db) else {
                throw RecordServiceError.invalidArgument("no course \"\(session.courseCode)\" on this node")
            }
            let hours = session.hours == 0 ? courseHours : session.hours
            let before = try TrainingStore.sessionCourseAndEnd(id: session.id, db)
            // Who attended a session already recorded.
            let attended = before == nil ? [] : try TrainingStore.attendance(sessionID: session.id, db)
            if let most = attended.map(\.hours).max(), most > hours {
                throw RecordServiceError.failedPrecondition("session \(session.id) has attendance of \(most) h; its hours cannot drop to \(hours)")
            }
            if let before, before.courseCode != session.courseCode, !attended.isEmpty {
                throw RecordServiceError.failedPrecondition("session \(session.id) has attendance; its course cannot change")
            }
            try TrainingStore.save(session, hours: hours, db)
            if let before, before.ends != session.endsOn!.dayNumber {
                try TrainingStore.rederive(attended.map(\.personID), floodSeason: floodSeason, db)
            }
        }
    }

    public func session(id: String) async throws -> TrainingSession {
        let id = id.trimmed
        guard let session = try await core.store.pool.read({ db in try TrainingStore.session(id: id, db) }) else {
            throw RecordServiceError.notFound("no session \"\(id)\" on this node")
        }
        return session
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await core.store.pool.read { db in try TrainingStore.counts(db) }
    }

}
