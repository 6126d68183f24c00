import AnlanRecords

/// One importer's reading of a CSV file of one kind, without its database: the header checked against
/// the kind's required columns, then every row turned into a record by the importer's own row parser
/// and validator. Only the writes (and the checks that read stored records) are left out.
struct CSVRowParser: Sendable {
    /// `service/kind`, e.g. `hazard-survey/points`.
    let name: String
    /// Reads a whole file; bad rows and bad headers are expected and ignored.
    let read: @Sendable ([UInt8]) -> Void

    /// For the importers built on `CSVImportRun`: each row's fields by column name; the record's key,
    /// unless empty, is claimed as the import claims it (a key twice in a file is refused on its second line).
    static func byName(_ name: String, required: [String], record: @escaping @Sendable (CSVImportRun.Row) throws -> String) -> CSVRowParser {
        CSVRowParser(name: name) { bytes in
            guard var run = try? CSVImportRun(bytes: bytes, required: required, source: name) else { return }
            _ = try? run.rows { run, row in
                let key = try record(row)
                if !key.isEmpty { try run.claim(key, line: row.line, as: "key") }
                return .inserted
            }
        }
    }

    /// For the importers that read `CSVReader` records themselves: the header resolved once by `columns`
    /// (as the importer resolves it), then each well-formed record handed over with that resolution.
    static func byColumn<Columns>(_ name: String, required: [String], columns: @escaping @Sendable (CSVHeader) -> Columns,
                                  record: @escaping @Sendable (CSVRecord, Columns) throws -> Void) -> CSVRowParser {
        CSVRowParser(name: name) { bytes in
            var reader = CSVReader(bytes)
            guard let first = reader.next(), let header = try? CSVHeader(first, required: required) else { return }
            let resolved = columns(header)
            while let row = reader.next() {
                guard row.problem == nil else { continue }
                try? record(row, resolved)
            }
        }
    }
}
