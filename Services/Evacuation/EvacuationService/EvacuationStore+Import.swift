import AnlanRecords
import AnlanStorage
import EvacuationAPI
import GRDB

extension EvacuationStore {
    /// Saves a person, saying whether it was new, changed or already so.
    static func write(_ person: CodedPerson, _ db: Database) throws -> WriteOutcome {
        let existing = try self.person(code: person.transferCode, db)
        if existing == person { return .unchanged }
        try save(person, db)
        return existing == nil ? .inserted : .updated
    }

    /// Saves a shelter's description, saying whether it was new, changed or already so.
    static func write(_ shelter: Shelter, _ db: Database) throws -> WriteOutcome {
        guard var existing = try self.shelter(id: shelter.id, db) else {
            try save(shelter, db)
            return .inserted
        }
        var incoming = shelter
        incoming.occupancy = existing.occupancy
        let closed = existing.status == .closed
        existing.status = .ready
        incoming.status = .ready
        if existing == incoming && closed == (shelter.status == .closed) { return .unchanged }
        try save(shelter, db)
        return .updated
    }

    /// A region's people by transfer code, after `code`.
    static func people(range: RegionRange, after code: String, limit: Int, _ db: Database) throws -> [CodedPerson] {
        try Row.fetchAll(db, sql: """
            SELECT \(personColumns) FROM person WHERE region >= ? AND region < ? AND code > ? ORDER BY code LIMIT ?
            """, arguments: [range.lower, range.upper, code, limit]).map(person(_:))
    }

    /// A region's shelters by id, after `id`.
    static func shelters(range: RegionRange, after id: String, limit: Int, _ db: Database) throws -> [Shelter] {
        try Row.fetchAll(db, sql: """
            SELECT \(shelterColumns) FROM shelter WHERE region >= ? AND region < ? AND id > ? ORDER BY id LIMIT ?
            """, arguments: [range.lower, range.upper, id, limit]).map(shelter(_:))
    }
}
