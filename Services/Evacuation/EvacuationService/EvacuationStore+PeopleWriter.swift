import AnlanRecords
import AnlanStorage
import EvacuationAPI
import GRDB

extension EvacuationStore {
    /// Writes an import's people inside its transaction: a person with a code is compared with what
    /// the node holds (so importing a file again changes nothing); a person without one is new and is
    /// inserted straight through the SQLite C API with a fresh random code (drawn again on the rare clash).
    struct PeopleWriter {
        private let db: Database
        private let insert: RawStatement
        private var random = SystemRandomNumberGenerator()

        init(_ db: Database) throws {
            self.db = db
            insert = try RawStatement(db, sql: "INSERT INTO person (\(EvacuationStore.personColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        }

        mutating func write(_ person: CodedPerson) throws -> WriteOutcome {
            guard person.transferCode.isEmpty else { return try EvacuationStore.write(person, db) }
            while true {
                insert.reset()
                insert.bind(1, TransferCode.make(random.next()))
                insert.bind(2, person.name)
                insert.bind(3, person.nationalID)
                insert.bind(4, person.phone)
                insert.bind(5, person.regionCode)
                insert.bind(6, person.village)
                insert.bind(7, person.hazardPointIDs.joined(separator: ","))
                insert.bind(8, Int64(person.riskKind.rawValue))
                insert.bind(9, EvacuationStore.needsMask(person.needs))
                insert.bind(10, person.cadre)
                insert.bind(11, person.cadrePhone)
                insert.bind(12, person.shelterID)
                do {
                    try insert.run()
                    return .inserted
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    continue  // the code was taken: draw another
                }
            }
        }
    }
}
