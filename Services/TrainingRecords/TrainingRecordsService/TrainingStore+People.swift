import AnlanRecords
import GRDB
import TrainingRecordsAPI

/// People and the flood-season setting their derivations use: reads and writes inside a caller's
/// transaction.
extension TrainingStore {
    static let personColumns = "id, name, national_id, role, region, village, employer, high_risk, joined"

    static func person(row: Row) -> Person {
        Person(id: row[0], name: row[1], nationalID: row[2], role: PersonRole(rawValue: row[3]) ?? .employee, regionCode: row[4],
               village: row[5], employer: row[6], highRiskSector: row[7], joinedOn: CivilDay(dayNumber: row[8]))
    }

    static func person(id: String, _ db: Database) throws -> Person? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(personColumns) FROM person WHERE id = ?"), arguments: [id]).map(person(row:))
    }

    static func personExists(id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) != nil
    }

    /// A page of the people in a region subtree (of one role, if given), by region code then id.
    static func people(in range: RegionRange, after cursor: RegionCursor?, role: PersonRole?, limit: Int,
                       _ db: Database) throws -> RecordPage<Person> {
        var sql = "SELECT \(personColumns) FROM person WHERE region >= ? AND region < ? AND (region, id) > (?, ?)"
        var arguments: StatementArguments = [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? ""]
        if let role {
            sql += " AND role = ?"
            arguments += [role.rawValue]
        }
        sql += " ORDER BY region, id LIMIT ?"
        arguments += [limit + 1]
        let people = try Row.fetchAll(db, sql: sql, arguments: arguments).map(person(row:))
        let page = Array(people.prefix(limit))
        return RecordPage(records: page, nextCursor: people.count > limit ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
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

    /// Deletes a person with their attendance and certificates, out of the tallies; false if there is none.
    static func deletePerson(id: String, floodSeason: (month: Int, day: Int), _ db: Database) throws -> Bool {
        var training = try TrainingDeriver(db, floodSeason: floodSeason)
        guard let facts = try training.facts(personID: id) else { return false }
        training.removeFromTallies(facts)
        try training.finish()
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM attendance WHERE person_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM certificate WHERE person_id = ?", arguments: [id])
        return true
    }

    /// Works out again the training of each of `personIDs`, in one derivation.
    static func rederive(_ personIDs: some Sequence<String>, floodSeason: (month: Int, day: Int), _ db: Database) throws {
        var training = try TrainingDeriver(db, floodSeason: floodSeason)
        for person in personIDs { try training.derive(personID: person) }
        try training.finish()
    }

    /// The stored flood season's start ("MM-DD"), if any.
    static func storedFloodSeason(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'flood_season_starts'")
    }

    /// Stores the flood season's start ("MM-DD"); with `rederive`, first works out again everyone it applies to.
    static func storeFloodSeason(_ floodSeason: (month: Int, day: Int), text: String, rederive: Bool, _ db: Database) throws {
        if rederive {
            let people = try String.fetchAll(db, sql: "SELECT id FROM person WHERE role = ?", arguments: [PersonRole.floodControlResponsible.rawValue])
            try self.rederive(people, floodSeason: floodSeason, db)
        }
        try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('flood_season_starts', ?)", arguments: [text])
    }

    /// Record counts for `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        try [("people", "person"), ("courses", "course"), ("sessions", "session"), ("attendance", "attendance"),
             ("certificates", "certificate")].map { name, table in
            (name, try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
        }
    }
}
