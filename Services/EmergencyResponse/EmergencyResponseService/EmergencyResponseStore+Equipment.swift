import AnlanRecords
import EmergencyResponseAPI
import GRDB

extension EmergencyResponseStore {
    static func equipmentExists(code: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM equipment WHERE code = ?"), arguments: [code]) ?? false
    }

    /// Saves a kind of equipment, saying whether it was new, changed or already so.
    static func write(_ item: EquipmentItem, _ db: Database) throws -> WriteOutcome {
        let existing = try Row.fetchOne(db, sql: "SELECT name, unit FROM equipment WHERE code = ?", arguments: [item.code])
        if let existing, existing[0] == item.name, existing[1] == item.unit { return .unchanged }
        try db.execute(sql: "INSERT OR REPLACE INTO equipment (code, name, unit) VALUES (?, ?, ?)", arguments: [item.code, item.name, item.unit])
        return existing == nil ? .inserted : .updated
    }

    /// The whole catalogue by code.
    static func catalogue(_ db: Database) throws -> [EquipmentItem] {
        try Row.fetchAll(db, sql: "SELECT code, name, unit FROM equipment ORDER BY code").map {
            EquipmentItem(code: $0[0], name: $0[1], unit: $0[2])
        }
    }

    /// For `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        [("teams", try Int64.fetchOne(db, sql: "SELECT count(*) FROM team") ?? 0),
         ("incidents", try Int64.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0),
         ("deployments", try Int64.fetchOne(db, sql: "SELECT count(*) FROM deployment") ?? 0)]
    }
}
