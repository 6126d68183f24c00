import AnlanRegions

/// The row loop every CSV import shares: the header checked against the required columns, then each
/// row checked and written by the caller, counted, and a bad row (`InvalidRecord`, `RegionError`, a
/// CSV problem, a key the file already had) reported with its line and reason while the others go on.
///
/// Run it inside the write transaction that commits the good rows together.
public struct CSVImportRun: Sendable {
    /// One data row: its fields by column name (trimmed; "" for a column the file lacks) and its line.
    public struct Row {
        public let line: Int
        let record: CSVRecord
        let header: CSVHeader

        public func field(_ name: String) -> String { record.field(header.index(of: name)).trimmed }
    }

    public let header: CSVHeader
    private var reader: CSVReader
    /// The rows not read yet (for an import that parses them elsewhere, e.g. on a thread of its own).
    public var remaining: CSVReader { reader }
    private var seen: [String: Int] = [:]

    /// - Throws: `RecordServiceError.invalidArgument` for an empty file or a header without `required`.
    public init(bytes: [UInt8], required: [String], source: String) throws(RecordServiceError) {
        reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        do {
            header = try CSVHeader(headerRecord, required: required)
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
    }

    /// Claims `key` for the row on `line`; a key an earlier row of the file claimed is refused, naming it.
    public mutating func claim(_ key: String, line: Int, as name: String) throws(InvalidRecord) {
        if let first = seen[key] { throw InvalidRecord("\(name) \(key) already appears on line \(first) of this file") }
        seen[key] = line
    }

    /// Reads every row and passes it to `write`, which checks it, writes it and says what happened;
    /// errors other than a bad row's (e.g. the database's) end the import.
    public mutating func rows(_ write: (inout CSVImportRun, Row) throws -> WriteOutcome) throws -> ImportReport {
        var report = ImportReport()
        while let record = reader.next() {
            report.rows += 1
            do {
                if let problem = record.problem { throw InvalidRecord(problem) }
                report.count(try write(&self, Row(line: record.line, record: record, header: header)))
            } catch let error as InvalidRecord {
                report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
            } catch let error as RegionError {
                report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
            }
        }
        return report
    }
}
