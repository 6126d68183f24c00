import AnlanRecords
import EvacuationAPI
import GRDB

extension EvacuationStore {
    static let personColumns = "code, name, national_id, phone, region, village, hazard_points, risk_kind, needs, cadre, cadre_phone, shelter"

    /// Statements are cached on the connection: an import runs them once a row.
    static func save(_ person: CodedPerson, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO person (\(personColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        try statement.execute(arguments: [
            person.transferCode, person.name, person.nationalID, person.phone, person.regionCode, person.village,
            person.hazardPointIDs.joined(separator: ","), person.riskKind.rawValue, needsMask(person.needs), person.cadre,
            person.cadrePhone, person.shelterID,
        ])
    }

    static func person(code: String, _ db: Database) throws -> CodedPerson? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(personColumns) FROM person WHERE code = ?"), arguments: [code]).map(person(_:))
    }

    static func deletePerson(code: String, _ db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM person WHERE code = ?", arguments: [code])
        return db.changesCount > 0
    }

    /// A code no person holds yet: random, so codes say nothing about who or where.
    static func unusedCode(_ db: Database) throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let code = TransferCode.make(generator.next())
            if try !codeExists(code, db) { return code }
        }
    }

    static func codeExists(_ code: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM person WHERE code = ?"), arguments: [code]) ?? false
    }

    static func person(_ row: Row) -> CodedPerson {
        let points: String = row[6]
        return CodedPerson(
            transferCode: row[0], name: row[1], nationalID: row[2], phone: row[3], regionCode: row[4], village: row[5],
            hazardPointIDs: points.isEmpty ? [] : points.split(separator: ",").map(String.init),
            riskKind: RiskZoneKind(rawValue: row[7]) ?? .geological, needs: needs(row[8]), cadre: row[9], cadrePhone: row[10],
            shelterID: row[11])
    }

    static func needsMask(_ needs: [PersonNeed]) -> Int64 {
        needs.reduce(0) { $0 | 1 << Int64($1.rawValue) }
    }

    static func needs(_ mask: Int64) -> [PersonNeed] {
        PersonNeed.allCases.filter { mask & (1 << Int64($0.rawValue)) != 0 }
    }

    /// For `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        [("coded people", try Int64.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0),
         ("shelters", try Int64.fetchOne(db, sql: "SELECT count(*) FROM shelter") ?? 0),
         ("warnings", try Int64.fetchOne(db, sql: "SELECT count(*) FROM warning") ?? 0),
         ("transfer tasks", try Int64.fetchOne(db, sql: "SELECT count(*) FROM task") ?? 0)]
    }
}
