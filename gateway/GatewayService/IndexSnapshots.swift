import AnlanWire
import Foundation
import GatewayAPI
import GRDB
import NIOConcurrencyHelpers
import NIOCore

/// Published months (月度发布): each region's indices as computed when its month was published, kept in
/// the gateway's store (at least 24 months are kept; nothing is deleted). A month once published for a
/// region is never rewritten — not by a later publication, not by a change of weights.
///
/// A month is read from disk once per process and then answered from memory (a live ranking reads the
/// month before at every request, on the event loop); a publication forgets the months it wrote to, so
/// the next read takes them from disk again.
final class IndexSnapshots: Sendable {
    private struct Memory {
        /// Each month read since it was last published to: region → its indices.
        var months: [String: [String: [ControlIndex]]] = [:]
        /// Counts publications: a read that a publication overtook is not kept.
        var publications: UInt64 = 0
    }

    private let pool: DatabasePool
    private let memory = NIOLockedValueBox(Memory())

    init(pool: DatabasePool) {
        self.pool = pool
    }

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

    /// Keeps each index unless its region's month and kind are already published; the regions with
    /// something new, and those whose every index was there already.
    func publish(_ indices: [ControlIndex]) throws -> (published: Int, kept: Int) {
        let written = try pool.write { db in
            var written: [ControlIndex] = []
            for index in indices {
                try db.execute(sql: "INSERT OR IGNORE INTO index_snapshot (region, month, kind, payload) VALUES (?, ?, ?, ?)",
                               arguments: [index.regionCode, index.month, Int(index.kind.rawValue), Data(index.encoded().readableBytesView)])
                if db.changesCount > 0 { written.append(index) }
            }
            return written
        }
        memory.withLockedValue { memory in
            memory.publications += 1
            for month in Set(written.map(\.month)) { memory.months[month] = nil }
        }
        let regions = Set(indices.map(\.regionCode))
        let published = Set(written.map(\.regionCode))
        return (published.count, regions.count - published.count)
    }

    /// The published indices of `regions` in `month`, by region code.
    func published(_ regions: [String], month: String) throws -> [String: [ControlIndex]] {
        let all = try self.month(month)
        var byRegion: [String: [ControlIndex]] = [:]
        for region in regions {
            if let indices = all[region] { byRegion[region] = indices }
        }
        return byRegion
    }

    /// Every region's indices in `month`, from memory once read.
    private func month(_ month: String) throws -> [String: [ControlIndex]] {
        let (known, publications) = memory.withLockedValue { ($0.months[month], $0.publications) }
        if let known { return known }
        let read = try pool.read { db in
            var byRegion: [String: [ControlIndex]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT payload FROM index_snapshot WHERE month = ? ORDER BY region, kind", arguments: [month]) {
                let payload: Data = row[0]
                let index = try ControlIndex(decoding: ByteBuffer(bytes: payload))
                byRegion[index.regionCode, default: []].append(index)
            }
            return byRegion
        }
        memory.withLockedValue { memory in
            if memory.publications == publications { memory.months[month] = read }
        }
        return read
    }
}
