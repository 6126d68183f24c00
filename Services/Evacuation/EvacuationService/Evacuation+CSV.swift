import AnlanRecords
import AnlanRegions
import EvacuationAPI
import GRDB

/// CSV import and export of coded people and shelters: each bad row is reported with its line and
/// reason, all good rows are committed in one transaction, and importing the same file again changes
/// nothing. A person row without a transfer code gets a new one.
extension Evacuation: CSVImporting, CSVExporting {
    public func importCSV(_ kind: EvacuationRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        let start = try CSVImportRun(bytes: bytes, required: EvacuationCSVFormat.required(kind), source: source)
        return try await store.pool.write { db in
            var run = start
            return try run.rows { run, row in
                switch kind {
                case .people:
                    var person = try self.validated(EvacuationCSVFormat.person(row.field))
                    if person.transferCode.isEmpty { person.transferCode = try EvacuationStore.unusedCode(db) }
                    try run.claim(person.transferCode, line: row.line, as: "transfer code")
                    return try EvacuationStore.write(person, db)
                case .shelters:
                    let shelter = try self.validated(EvacuationCSVFormat.shelter(row.field))
                    try run.claim(shelter.id, line: row.line, as: "id")
                    return try EvacuationStore.write(shelter, db)
                }
            }
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
                // ID numbers leave the node masked, as in every answer.
                case .people: try EvacuationStore.people(range: range, after: after, limit: rowsPerChunk, db).map { EvacuationCSVFormat.row(Self.masked($0)) }
                case .shelters: try EvacuationStore.shelters(range: range, after: after, limit: rowsPerChunk, db).map(EvacuationCSVFormat.row)
                }
            }
            for row in page { writer.write(row) }
            rows += Int64(page.count)
            if page.count < rowsPerChunk {
                try await send(CSVChunk(text: writer.text, rows: rows))
                return
            }
            last = page.last![0]  // the transfer code or shelter id, the page's key
            try await send(CSVChunk(text: writer.text, rows: rows))
            writer = CSVWriter()
            rows = 0
        }
    }
}
