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
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: kind == .points ? LandingCSVFormat.required : LandingCSVFormat.ourAirportsRequired)
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
        let body = reader
        return try await core.store.pool.write { db in
            var reader = body
            var report = ImportReport()
            var seen: [String: Int] = [:]
            while let record = reader.next() {
                report.rows += 1
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    let field = { (name: String) in record.field(header.index(of: name)).trimmed }
                    let point = try self.validated(kind == .points ? LandingCSVFormat.point(field) : LandingCSVFormat.ourAirportsPoint(field))
                    if let first = seen[point.id] { throw InvalidRecord("id \(point.id) already appears on line \(first) of this file") }
                    seen[point.id] = record.line
                    report.count(try LandingPointStore.save(point, db))
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                } catch let error as RegionError {
                    report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
                }
            }
            return report
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
