import AnlanRecords
import GRDB
import HazardSurveyAPI

/// Hazard points: reads and writes inside a caller's transaction.
extension HazardSurveyStore {
    static let pointColumns = ["id", "region", "lat", "lon", "type", "band", "population", "transfer",
                               "responsible", "phone", "surveyed", "department"]
    static let pointSelect = "SELECT \(pointColumns.joined(separator: ", ")) FROM hazard_point"

    static func point(_ row: Row) -> HazardPoint {
        HazardPoint(id: row[0], regionCode: row[1], latitude: row[2], longitude: row[3],
                    type: HazardType(rawValue: row[4]) ?? .earthquake, band: row[5], populationAtRisk: row[6],
                    registeredForTransfer: row[7], responsiblePerson: row[8], responsiblePhone: row[9],
                    surveyedOn: (row[10] as Int?).map(CivilDay.init(dayNumber:)), sourceDepartment: row[11])
    }

    static func point(id: String, _ db: Database) throws -> HazardPoint? {
        try Row.fetchOne(db, sql: pointSelect + " WHERE id = ?", arguments: [id]).map(point)
    }

    /// Writes one point and its tally change: inserted, updated or unchanged.
    @discardableResult
    static func write(_ point: HazardPoint, _ db: Database) throws -> WriteOutcome {
        var writer = try PointWriter(db)
        let outcome = try writer.write(point)
        try writer.flush()
        return outcome
    }

    static func deletePoint(id: String, _ db: Database) throws -> Bool {
        var writer = try PointWriter(db)
        let deleted = try writer.delete(id: id)
        try writer.flush()
        return deleted
    }

    static func points(in range: RegionRange, types: [HazardType], bands: [UInt8], after cursor: RegionCursor?,
                       limit: Int, _ db: Database) throws -> RecordPage<HazardPoint> {
        var filter = ListFilter(range: range, cursor: cursor)
        filter.in("type", types.map { Int($0.rawValue) })
        filter.in("band", bands.map { Int($0) })
        let rows = try Row.fetchAll(db, sql: pointSelect + filter.sql(limit: limit), arguments: filter.arguments)
        return filter.page(rows.map(point), limit: limit) { RegionCursor(region: $0.regionCode, id: $0.id) }
    }
}
