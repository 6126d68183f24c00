import EvacuationAPI
import GRDB

extension EvacuationStore {
    static let shelterColumns = "id, region, name, latitude, longitude, kind, capacity, closed, occupancy"

    /// Inserts a shelter or replaces its description; its occupancy is the node's count, never a client's.
    static func save(_ shelter: Shelter, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO shelter (id, region, name, latitude, longitude, kind, capacity, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET region = excluded.region, name = excluded.name, latitude = excluded.latitude,
                longitude = excluded.longitude, kind = excluded.kind, capacity = excluded.capacity, closed = excluded.closed
            """, arguments: [shelter.id, shelter.regionCode, shelter.name, shelter.latitude, shelter.longitude,
                             shelter.kind.rawValue, shelter.capacity, shelter.status == .closed])
    }

    static func shelter(id: String, _ db: Database) throws -> Shelter? {
        try Row.fetchOne(db, sql: "SELECT \(shelterColumns) FROM shelter WHERE id = ?", arguments: [id]).map(shelter(_:))
    }

    /// Shelters not closed with at least `minimumFree` places.
    static func openShelters(minimumFree: Int64, _ db: Database) throws -> [Shelter] {
        try Row.fetchAll(db, sql: "SELECT \(shelterColumns) FROM shelter WHERE closed = 0 AND capacity - occupancy >= ?",
                         arguments: [minimumFree]).map(shelter(_:))
    }

    static func addOccupancy(_ delta: Int64, shelter id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE shelter SET occupancy = max(0, occupancy + ?) WHERE id = ?", arguments: [delta, id])
    }

    /// The status follows the count: closed by a person; else full at capacity, open with anyone in it.
    static func shelter(_ row: Row) -> Shelter {
        let capacity: Int64 = row[6], closed: Bool = row[7], occupancy: Int64 = row[8]
        let status: ShelterStatus = closed ? .closed : occupancy >= capacity && capacity > 0 ? .full : occupancy > 0 ? .open : .ready
        return Shelter(id: row[0], regionCode: row[1], name: row[2], latitude: row[3], longitude: row[4],
                       kind: ShelterKind(rawValue: row[5]) ?? .other, capacity: capacity, status: status, occupancy: occupancy)
    }
}
