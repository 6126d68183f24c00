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
        if kind == .people { return try await importPeople(start.parse(on: self), source: source) }
        return try await store.pool.write { db in
            var run = start
            return try run.rows { run, row in
                let shelter = try self.validated(EvacuationCSVFormat.shelter(row.field))
                try run.claim(shelter.id, line: row.line, as: "id")
                return try EvacuationStore.write(shelter, db)
            }
        }
    }

    /// People files are the big ones (a province's 530,000): rows are parsed and checked on a thread of
    /// their own while this transaction writes them.
    private func importPeople(_ parsed: BatchChannel<ParsedRow<CodedPerson>>, source: String) async throws -> ImportReport {
        defer { parsed.cancel() }
        let report = try await store.pool.write { db in
            var report = ImportReport()
            var writer = try EvacuationStore.PeopleWriter(db)
            while let batch = parsed.receive() {
                for row in batch {
                    report.rows += 1
                    switch row {
                    case .record(let person, _): report.count(try writer.write(person))
                    case .rejected(let error, let line): report.rejected.append(RowError(line: Int64(line), reason: error.message))
                    }
                }
            }
            report.rejected.sort { $0.line < $1.line }
            return report
        }
        logger.info("imported people from \(source): \(report.rows) rows, \(report.inserted) inserted, \(report.rejected.count) rejected")
        return report
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

extension CSVImportRun {
    /// Parses and checks the people rows on a thread of their own; a transfer code the file repeats is
    /// refused on its second line.
    func parse(on evacuation: Evacuation) -> BatchChannel<ParsedRow<CodedPerson>> {
        let header = self.header
        return .parsing(remaining, batchSize: 4096, capacity: 8, makeParser: {
            var seen: [String: Int] = [:]
            return { record in
                let person = try evacuation.validated(EvacuationCSVFormat.person { record.field(header.index(of: $0)).trimmed })
                if !person.transferCode.isEmpty {
                    if let first = seen[person.transferCode] {
                        throw InvalidRecord("transfer code \(person.transferCode) already appears on line \(first) of this file")
                    }
                    seen[person.transferCode] = record.line
                }
                return person
            }
        }, arrange: { batch in
            // New people get their codes in the writer; in region order its index inserts walk forwards.
            batch.sort { $0.regionKey < $1.regionKey }
        })
    }
}

extension ParsedRow where Record == CodedPerson {
    /// Sorts a batch by region and village (rejected rows first; the report is put in line order at the end).
    var regionKey: (String, String) {
        switch self {
        case .record(let person, _): (person.regionCode, person.village)
        case .rejected: ("", "")
        }
    }
}
