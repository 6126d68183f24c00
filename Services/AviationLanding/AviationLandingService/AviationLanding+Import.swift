import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import Foundation
import GRDB

/// CSV import of landing points (the register's columns, or an OurAirports export): each bad row is
/// reported with its line and reason, all good rows are committed in one transaction, and importing
/// the same file again changes nothing.
extension AviationLanding: CSVImporting {
    public func importCSV(_ kind: LandingRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        let start = try CSVImportRun(bytes: bytes, required: kind == .points ? LandingCSVFormat.required : LandingCSVFormat.ourAirportsRequired,
                                     source: source)
        return try await core.store.pool.write { db in
            var run = start
            return try run.rows { run, row in
                let point = try self.validated(kind == .points ? LandingCSVFormat.point(row.field) : LandingCSVFormat.ourAirportsPoint(row.field))
                try run.claim(point.id, line: row.line, as: "id")
                return try LandingPointStore.save(point, db)
            }
        }
    }

    /// Imports the shipped example set: mainland China's sites from OurAirports (public domain;
    /// see docs/DATA-ATTRIBUTION.md), of which those in this node's region are taken.
    public func importShippedHeliports() async throws -> ImportReport {
        guard let url = Bundle.module.url(forResource: "heliports-china", withExtension: "csv") else {
            throw RecordServiceError.internal("the shipped heliports-china.csv is missing from the bundle")
        }
        return try await importCSV(.ourAirports, bytes: Array(try Data(contentsOf: url)), source: "heliports-china.csv (OurAirports)")
    }
}
