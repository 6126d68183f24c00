import AnlanRecords
import AviationLandingAPI
import GRDB

/// Inspections: reads and writes inside a caller's transaction.
extension LandingPointStore {
    /// Records a validated inspection of `point` and answers its sequence number: the point takes its
    /// resulting status, and its day when it is the latest.
    static func insert(_ inspection: Inspection, of point: LandingPoint, _ db: Database) throws -> Int64 {
        let day = inspection.inspectedOn!.dayNumber
        try db.execute(sql: """
            INSERT INTO inspection (point_id, day, inspector, findings, status, status_reason) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [point.id, day, inspection.inspector, inspection.findings, inspection.resultingStatus!.rawValue, inspection.statusReason])
        let sequence = db.lastInsertedRowID
        if (point.lastInspectedOn?.dayNumber ?? Int.min) <= day {
            try db.execute(sql: "UPDATE landing_point SET status = ?, status_reason = ?, last_inspected = ? WHERE id = ?",
                           arguments: [inspection.resultingStatus!.rawValue, inspection.statusReason, day, point.id])
        }
        return sequence
    }

    /// A point's inspections, newest first.
    static func inspections(pointID: String, _ db: Database) throws -> [Inspection] {
        try Row.fetchAll(db, sql: """
            SELECT seq, point_id, day, inspector, findings, status, status_reason FROM inspection WHERE point_id = ? ORDER BY day DESC, seq DESC
            """, arguments: [pointID]).map { row in
            Inspection(sequence: row[0], pointID: row[1], inspectedOn: CivilDay(dayNumber: row[2]), inspector: row[3], findings: row[4],
                       resultingStatus: LandingPointStatus(rawValue: row[5]) ?? .available, statusReason: row[6])
        }
    }
}
