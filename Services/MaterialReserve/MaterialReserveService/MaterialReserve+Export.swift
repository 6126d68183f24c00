import AnlanRecords
import GRDB
import MaterialReserveAPI

/// CSV export of storage points, stock lines and region profiles in a region subtree, in the columns import reads,
/// in chunks so that any size fits in frames. A stock export imported into an empty node with the
/// same storage points and catalogue reproduces the stock (as counted adjustments).
extension MaterialReserve: CSVExporting {
    public func exportCSV(_ kind: ReserveRecordKind, regionCode: String, rowsPerChunk: Int = 5000,
                          send: (CSVChunk) async throws -> Void) async throws {
        let range = try validating { try scope.subtree(regionCode) }
        let ancestors = try tree.ancestors(of: regionCode.isEmpty ? region.code : regionCode).map(\.code)
        var writer = CSVWriter()
        writer.write(Self.columns(of: kind))
        // The last row's key, where the next chunk starts: (region, id), (point, item, status, expiry) or region.
        var after: StatementArguments = switch kind {
        case .storagePoints: ["", ""]
        case .stock: ["", "", 0, 0]
        case .regionProfiles: [""]
        }
        while true {
            let (rows, last): ([[String]], StatementArguments?) = try await core.store.pool.read { [after] db in
                try MaterialReserveStore.exportRows(kind, in: range, ancestors: ancestors, after: after, limit: rowsPerChunk, db)
            }
            for row in rows { writer.write(row) }
            try await send(CSVChunk(text: writer.take(), rows: Int64(rows.count)))
            guard rows.count == rowsPerChunk, let last else { break }
            after = last
        }
    }
}
