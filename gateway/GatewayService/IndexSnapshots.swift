import AnlanWire
import Foundation
import GatewayAPI
import GRDB
import NIOCore

/// Published months (月度发布): each region's indices as computed when its month was published, kept in
/// the gateway's store (at least 24 months are kept; nothing is deleted). A month once published for a
/// region is never rewritten — not by a later publication, not by a change of weights.
struct IndexSnapshots: Sendable {
    let pool: DatabasePool

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: published control-power indices") { db in
            try db.execute(sql: """
                CREATE TABLE index_snapshot (
                    region TEXT NOT NULL,
                    month TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (region, month, kind)
                ) WITHOUT ROWID;
                """)
        }
    }

    /// Keeps each index unless its region's month and kind are already published; how many were new.
    func publish(_ indices: [ControlIndex]) throws -> (published: Int, kept: Int) {
        try pool.write { db in
            var published = 0
            for index in indices {
                try db.execute(sql: "INSERT OR IGNORE INTO index_snapshot (region, month, kind, payload) VALUES (?, ?, ?, ?)",
                               arguments: [index.regionCode, index.month, Int(index.kind.rawValue), Data(index.encoded().readableBytesView)])
                published += db.changesCount
            }
            return (published, indices.count - published)
        }
    }

    /// The published indices of `regions` in `month`, by region code.
    func published(_ regions: [String], month: String) throws -> [String: [ControlIndex]] {
        guard !regions.isEmpty else { return [:] }
        return try pool.read { db in
            let marks = Array(repeating: "?", count: regions.count).joined(separator: ", ")
            var arguments = StatementArguments([month])
            arguments += StatementArguments(regions)
            let rows = try Row.fetchAll(db, sql: "SELECT payload FROM index_snapshot WHERE month = ? AND region IN (\(marks)) ORDER BY region, kind",
                                        arguments: arguments)
            var byRegion: [String: [ControlIndex]] = [:]
            for row in rows {
                let payload: Data = row[0]
                let index = try ControlIndex(decoding: ByteBuffer(bytes: payload))
                byRegion[index.regionCode, default: []].append(index)
            }
            return byRegion
        }
    }
}
