import AnlanRecords
import Foundation
import GRDB
import HazardSurveyAPI

/// CSV import: every row is checked like a request; bad rows are reported with their line and reason;
/// all good rows are committed in one transaction. Rows are written with change detection, so
/// re-importing a file reports every row unchanged and writes nothing. An id twice in one file is an
/// error on its second line.
extension HazardSurvey: CSVImporting {
    public func importCSV(_ kind: HazardRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: HazardCSVFormat.required(kind))
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
        let columns = HazardCSVColumns(header, HazardCSVFormat.columns(kind))
        let recordedAt = milliseconds()
        let today = configuration.today()
        let body = reader
        // Points (the big files) are parsed and validated on a thread of their own while this
        // transaction writes; the other kinds read the database while validating, so they stay inline.
        let parsedPoints = kind == .points ? startParsingPoints(body, columns) : nil
        defer { parsedPoints?.cancel() }
        let report = try await core.store.pool.write { [validator, configuration] db in
            var report = ImportReport()
            if let parsedPoints {
                var points = try HazardSurveyStore.PointWriter(db)
                while let batch = parsedPoints.receive() {
                    for row in batch {
                        report.rows += 1
                        switch row {
                        case .record(let point, _):
                            // Points were checked on the parsing thread; writing them fails only with the database.
                            report.count(try points.write(point))
                        case .rejected(let error, let line):
                            report.rejected.append(RowError(line: Int64(line), reason: error.message))
                        }
                    }
                }
                try points.flush()
            } else {
                var reader = body
                var firstLine: [String: Int] = [:]
                while let record = reader.next() {
                    report.rows += 1
                    do {
                        if let problem = record.problem { throw InvalidRecord(problem) }
                        if kind == .enterprises {
                            let enterprise = try validator.enterprise(try HazardCSVFormat.enterprise(record, columns))
                            if let first = firstLine[enterprise.id] { throw Self.repeated(enterprise.id, first) }
                            let change = GradeChange(changedOn: today, changedBy: "import", reason: "CSV import \(source)")
                            report.count(try HazardSurveyStore.upsert(enterprise, change: change, db))
                            firstLine[enterprise.id] = record.line
                        } else {
                            let parsed = try HazardCSVFormat.hidden(record, columns)
                            let hazard = try validator.hiddenHazard(try Self.withRegion(parsed, db))
                            if let first = firstLine[hazard.id] { throw Self.repeated(hazard.id, first) }
                            report.count(try HazardSurveyStore.upsert(hazard, configuration: configuration, recordedAt: recordedAt, db))
                            firstLine[hazard.id] = record.line
                        }
                    } catch let error as InvalidRecord {
                        report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                    }
                }
            }
            report.rejected.sort { $0.line < $1.line }
            return report
        }
        core.logger.info("imported \(kind.name) from \(source): \(report.rows) rows, \(report.inserted) inserted, \(report.updated) updated, \(report.unchanged) unchanged, \(report.rejected.count) rejected")
        return report
    }

    /// Parses and validates point rows on a new thread, in batches (an id seen earlier in the file is a
    /// rejected row here, before any reordering, so the writer never sees it).
    func startParsingPoints(_ reader: CSVReader, _ columns: HazardCSVColumns) -> BatchChannel<ParsedRow<HazardPoint>> {
        let validator = self.validator
        let bands = configuration.riskBands
        return .parsing(reader, batchSize: 4096, capacity: 8, makeParser: {
            var firstLine: [String: Int] = [:]
            return { record in
                let point = try validator.point(try HazardCSVFormat.point(record, columns, bands: bands))
                try HazardSurvey.firstOccurrence(point.id, record.line, &firstLine)
                return point
            }
        }, arrange: { batch in
            // In region order the writer's index inserts walk each index forwards, page by page.
            batch.sort { $0.regionKey < $1.regionKey }
        })
    }

    static func firstOccurrence(_ id: String, _ line: Int, _ seen: inout [String: Int]) throws(InvalidRecord) {
        if let first = seen[id] { throw repeated(id, first) }
        seen[id] = line
    }

    static func repeated(_ id: String, _ first: Int) -> InvalidRecord {
        InvalidRecord("id \(id) already appears on line \(first) of this file")
    }
}

extension ParsedRow where Record == HazardPoint {
    /// Sorts a batch by region, then id (rejected rows first; the report is put in line order at the end).
    var regionKey: (String, String) {
        switch self {
        case .record(let point, _): (point.regionCode, point.id)
        case .rejected: ("", "")
        }
    }
}
