import AnlanRecords
import AnlanRegions
import EvacuationAPI
import GRDB

/// CSV import and export of coded people and shelters: each bad row is reported with its line and
/// reason, all good rows are committed in one transaction, and importing the same file again changes
/// nothing. A person row without a transfer code gets a new one.
extension Evacuation: CSVImporting, CSVExporting {
    public func importCSV(_ kind: EvacuationRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: EvacuationCSVFormat.required(kind))
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
        let body = reader
        return try await store.pool.write { db in
            var reader = body
            var report = ImportReport()
            var seen: [String: Int] = [:]
            while let record = reader.next() {
                report.rows += 1
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    let field = { (name: String) in record.field(header.index(of: name)).trimmed }
                    switch kind {
                    case .people:
                        var person = try self.validated(EvacuationCSVFormat.person(field))
                        if person.transferCode.isEmpty { person.transferCode = try EvacuationStore.unusedCode(db) }
                        if let first = seen[person.transferCode] {
                            throw InvalidRecord("transfer code \(person.transferCode) already appears on line \(first) of this file")
                        }
                        seen[person.transferCode] = record.line
                        report.count(try EvacuationStore.write(person, db))
                    case .shelters:
                        let shelter = try self.validated(EvacuationCSVFormat.shelter(field))
                        if let first = seen[shelter.id] { throw InvalidRecord("id \(shelter.id) already appears on line \(first) of this file") }
                        seen[shelter.id] = record.line
                        report.count(try EvacuationStore.write(shelter, db))
                    }
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                } catch let error as RegionError {
                    report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
                }
            }
            return report
        }
    }

    public func exportCSV(_ kind: EvacuationRecordKind, regionCode: String, rowsPerChunk: Int,
                          send: (CSVChunk) async throws -> Void) async throws {
        let range = try validating { try scope.subtree(regionCode) }
        var writer = CSVWriter()
        writer.write(EvacuationCSVFormat.columns(kind))
        var rows: Int64 = 0
        var last = ""
        while true {
            let after = last
            let page: [[String]] = try await store.pool.read { db in
                switch kind {
                case .people: try EvacuationStore.people(range: range, after: after, limit: rowsPerChunk, db).map(EvacuationCSVFormat.row)
                case .shelters: try EvacuationStore.shelters(range: range, after: after, limit: rowsPerChunk, db).map(EvacuationCSVFormat.row)
                }
            }
            for row in page { writer.write(row) }
            rows += Int64(page.count)
            if page.count < rowsPerChunk {
                try await send(CSVChunk(text: writer.text, rows: rows))
                return
            }
            last = page.last![0]
            try await send(CSVChunk(text: writer.text, rows: rows))
            writer = CSVWriter()
            rows = 0
        }
    }
}
