import AnlanRecords
import AviationLandingAPI
import GRDB

/// CSV export of the landing points in a region subtree, in chunks, in the columns import reads
/// (followed by the derived last-inspection day and failed rules, which import ignores).
extension AviationLanding: CSVExporting {
    public func exportCSV(_ kind: LandingRecordKind, regionCode: String, rowsPerChunk: Int = 5000,
                          send: (CSVChunk) async throws -> Void) async throws {
        guard kind == .points else { throw RecordServiceError.invalidArgument("only points export; \(kind.name) is an import format") }
        let range = try validating { try scope.subtree(regionCode) }
        var writer = CSVWriter()
        writer.write(LandingCSVFormat.columns + LandingCSVFormat.derivedColumns)
        var after = ("", "")
        while true {
            let points = try await core.store.pool.read { [after] db in
                try LandingPointStore.points(in: range, after: after, limit: rowsPerChunk, db)
            }
            for point in points { writer.write(LandingCSVFormat.row(point)) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(points.count)))
            guard points.count == rowsPerChunk, let last = points.last else { break }
            after = (last.regionCode, last.id)
        }
    }
}
