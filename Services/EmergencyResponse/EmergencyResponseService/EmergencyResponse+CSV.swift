import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import GRDB

/// CSV import and export of teams and of the equipment catalogue: each bad row is reported with its
/// line and reason, all good rows are committed in one transaction, and importing the same file again
/// changes nothing. An imported team is commanded by this node and keeps its readiness once stored.
extension EmergencyResponse: CSVImporting, CSVExporting {
    public func importCSV(_ kind: EmergencyRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        let start = try CSVImportRun(bytes: bytes, required: EmergencyCSVFormat.required(kind), source: source)
        let report = try await store.pool.write { db in
            var run = start
            return try run.rows { run, row in
                switch kind {
                case .teams:
                    let team = try self.validated(EmergencyCSVFormat.team(row.field))
                    try run.claim(team.id, line: row.line, as: "id")
                    return try EmergencyResponseStore.write(team, db)
                case .equipment:
                    let item = try self.validated(EmergencyCSVFormat.equipment(row.field))
                    try run.claim(item.code, line: row.line, as: "code")
                    return try EmergencyResponseStore.write(item, db)
                }
            }
        }
        core.logger.info("imported \(kind.name) from \(source): \(report.rows) rows, \(report.inserted) inserted, \(report.rejected.count) rejected")
        return report
    }

    /// A subtree's teams by id, or the whole catalogue (which has no region).
    public func exportCSV(_ kind: EmergencyRecordKind, regionCode: String, rowsPerChunk: Int,
                          send: (CSVChunk) async throws -> Void) async throws {
        let range = try validating { try scope.subtree(regionCode) }
        var writer = CSVWriter()
        writer.write(EmergencyCSVFormat.columns(kind))
        if kind == .equipment {
            let items = try await equipment()
            for item in items { writer.write(EmergencyCSVFormat.row(item)) }
            try await send(CSVChunk(text: writer.text, rows: Int64(items.count)))
            return
        }
        var last = ""
        while true {
            let after = last
            let page = try await store.pool.read { db in
                try EmergencyResponseStore.teams(range: range, kind: nil, readiness: nil, after: after, limit: rowsPerChunk, db)
            }
            for team in page { writer.write(EmergencyCSVFormat.row(team)) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(page.count)))
            guard page.count == rowsPerChunk, let next = page.last?.id else { return }
            last = next
        }
    }
}
