import AnlanRecords
import GRDB
import HazardSurveyAPI

/// CSV export of a region subtree, in region-then-id order, in chunks so that any size fits in frames.
extension HazardSurvey: CSVExporting {
    /// Calls `send` with each chunk of about `rowsPerChunk` rows; the first chunk starts with the header.
    /// Each chunk is read in its own short transaction, so a long export never holds the database.
    public func exportCSV(_ kind: HazardRecordKind, regionCode: String, rowsPerChunk: Int = 5000,
                          send: (CSVChunk) async throws -> Void) async throws {
        let (_, range) = try validating { try validator.subtree(regionCode) }
        var writer = CSVWriter()
        writer.write(HazardCSVFormat.columns(kind))
        var cursor: RegionCursor?
        let today = configuration.today()
        repeat {
            let (rows, next): ([[String]], RegionCursor?) = try await read { [cursor] db in
                switch kind {
                case .points:
                    let page = try HazardSurveyStore.points(in: range, types: [], bands: [], after: cursor, limit: rowsPerChunk, db)
                    return (page.records.map(HazardCSVFormat.row), try RegionCursor(parsing: page.nextCursor))
                case .enterprises:
                    let page = try HazardSurveyStore.enterprises(in: range, grades: [], sectors: [], majorOnly: false,
                                                                 after: cursor, limit: rowsPerChunk, db)
                    return (page.records.map(HazardCSVFormat.row), try RegionCursor(parsing: page.nextCursor))
                case .hiddenHazards:
                    let page = try HazardSurveyStore.hiddenHazards(in: range, query: HazardQuery(), asOf: today,
                                                                   after: cursor, limit: rowsPerChunk, db)
                    return (page.records.map(HazardCSVFormat.row), try RegionCursor(parsing: page.nextCursor))
                }
            }
            for row in rows { writer.write(row) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(rows.count)))
            cursor = next
        } while cursor != nil
    }
}
