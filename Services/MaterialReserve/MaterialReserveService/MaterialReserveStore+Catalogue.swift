import AnlanRecords
import GRDB
import MaterialReserveAPI

/// The catalogue: reads and writes inside a caller's transaction.
extension MaterialReserveStore {
    /// Inserts or replaces a validated catalogue item.
    static func save(_ item: CatalogueItem, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO catalogue_item (code, name, unit, shelf_life_months) VALUES (?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit = excluded.unit,
                shelf_life_months = excluded.shelf_life_months
            """, arguments: [item.code, item.name, item.unit, item.shelfLifeMonths])
    }

    /// The whole catalogue, by code.
    static func items(_ db: Database) throws -> [CatalogueItem] {
        try Row.fetchAll(db, sql: "SELECT code, name, unit, shelf_life_months FROM catalogue_item ORDER BY code").map { row in
            CatalogueItem(code: row[0], name: row[1], unit: row[2], shelfLifeMonths: row[3])
        }
    }

    static func itemExists(code: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM catalogue_item WHERE code = ?"), arguments: [code]) != nil
    }

    /// What still names an item, in words (ledger movements, stock lines, reserve norms, dispatch
    /// orders): the first found, or nil when nothing does.
    static func firstReference(toItem code: String, _ db: Database) throws -> String? {
        for (table, what) in [("movement", "ledger movements"), ("stock_line", "stock lines"), ("reserve_norm", "reserve norms"),
                              ("dispatch_line", "dispatch orders")]
        where try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE item_code = ? LIMIT 1", arguments: [code]) != nil {
            return what
        }
        return nil
    }

    static func deleteItem(code: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM catalogue_item WHERE code = ?", arguments: [code])
    }
}
