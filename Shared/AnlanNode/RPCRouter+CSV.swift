import AnlanRPC
import AnlanRecords

extension RPCRouter {
    /// Answers `method` (a record service's `import`) by importing the request's CSV text into `records`.
    public mutating func importCSV<Records: CSVImporting>(
        _ method: RPCMethod<CSVImportRequest<Records.RecordKind>, ImportReport>, into records: Records
    ) {
        async(method) { request, _ in
            try await records.importCSV(request.kind, bytes: Array(request.csv.utf8),
                                        source: request.source.isEmpty ? "request" : request.source)
        }
    }

    /// Answers `method` (a record service's `export`) by streaming `records`' CSV chunks.
    public mutating func exportCSV<Records: CSVExporting>(
        _ method: RPCMethod<CSVExportRequest<Records.RecordKind>, CSVChunk>, from records: Records
    ) {
        stream(method) { request, _, writer in
            try await records.exportCSV(request.kind, regionCode: request.regionCode, rowsPerChunk: Records.rowsPerChunk) { chunk in
                try await writer.send(chunk)
            }
        }
    }
}
