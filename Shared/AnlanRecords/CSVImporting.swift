/// A record service that loads CSV files of its kinds of record: what the wire's `import` method and
/// the local `import` command both call.
///
/// An import reads the header, checks every row like a request, commits all good rows in one
/// transaction and reports each bad row with its line and reason (`ImportReport`).
public protocol CSVImporting<RecordKind>: Sendable {
    associatedtype RecordKind: WireEnum
    /// Imports `bytes` (a CSV file, header first) as records of `kind`; `source` names it in logs
    /// and messages.
    func importCSV(_ kind: RecordKind, bytes: [UInt8], source: String) async throws -> ImportReport
}

/// A record service that writes a region subtree's records of one kind as CSV, in chunks.
public protocol CSVExporting<RecordKind>: Sendable {
    associatedtype RecordKind: WireEnum
    /// Calls `send` with each chunk of about `rowsPerChunk` rows; the first starts with the header.
    func exportCSV(_ kind: RecordKind, regionCode: String, rowsPerChunk: Int,
                   send: (CSVChunk) async throws -> Void) async throws
}

extension CSVExporting {
    /// Rows per chunk of an export over the wire: well inside the frame limit for every kind.
    public static var rowsPerChunk: Int { 5000 }
}
