import AnlanDiscovery
import AnlanStorage
import AnlanWire
import Foundation
import GRDB
import NIOCore

/// The registry's SQLite file: the current registrations and the numbered change log watchers resume from.
///
/// Records are stored as their wire encoding (one format for disk and network); the columns beside them
/// exist for lookups and uniqueness.
struct RegistryStore: ServiceStore {
    let pool: DatabasePool

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: registrations and change log") { db in
            try db.create(table: "registration") { t in
                t.primaryKey("leaseID", .integer)
                t.column("instanceID", .text).notNull().unique()
                t.column("service", .text).notNull()
                t.column("regionCode", .text).notNull()
                t.column("record", .blob).notNull()
            }
            try db.create(index: "registration_by_service_region", on: "registration", columns: ["service", "regionCode"])
            try db.create(table: "change") { t in
                t.primaryKey("revision", .integer)
                t.column("kind", .integer).notNull()
                t.column("service", .text).notNull()
                t.column("record", .blob).notNull()
            }
        }
        return migrator
    }

    /// Everything persisted: the registrations and the highest revision used.
    func load() throws -> (records: [RegistrationRecord], revision: UInt64, oldestChange: UInt64?) {
        try pool.read { db in
            let blobs = try Data.fetchAll(db, sql: "SELECT record FROM registration")
            let records = try blobs.map { try RegistrationRecord(decoding: ByteBuffer(bytes: $0)) }
            let lastChange = try UInt64.fetchOne(db, sql: "SELECT MAX(revision) FROM change") ?? 0
            let oldest = try UInt64.fetchOne(db, sql: "SELECT MIN(revision) FROM change")
            let revision = max(lastChange, records.map(\.revision).max() ?? 0)
            return (records, revision, oldest)
        }
    }

    /// Applies changes in one durable transaction: puts replace by lease (and instance), deletes remove.
    func apply(_ events: [WatchEvent], pruneBelow: UInt64?) throws {
        try pool.write { db in
            for event in events {
                guard let record = event.record else { continue }
                let blob = Data(record.encoded().readableBytesView)
                switch event.kind {
                case .put:
                    try db.execute(sql: "DELETE FROM registration WHERE instanceID = ? AND leaseID != ?",
                                   arguments: [record.registration.instanceID, record.leaseID])
                    try db.execute(sql: """
                        INSERT INTO registration (leaseID, instanceID, service, regionCode, record) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(leaseID) DO UPDATE SET instanceID = excluded.instanceID, service = excluded.service,
                            regionCode = excluded.regionCode, record = excluded.record
                        """, arguments: [record.leaseID, record.registration.instanceID, record.registration.service,
                                         record.registration.regionCode, blob])
                case .delete:
                    try db.execute(sql: "DELETE FROM registration WHERE leaseID = ?", arguments: [record.leaseID])
                case .reset:
                    continue
                }
                try db.execute(sql: "INSERT INTO change (revision, kind, service, record) VALUES (?, ?, ?, ?)",
                               arguments: [event.revision, event.kind.rawValue, record.registration.service, blob])
            }
            if let pruneBelow {
                try db.execute(sql: "DELETE FROM change WHERE revision < ?", arguments: [pruneBelow])
            }
        }
    }

    /// Changes after `revision`, oldest first, optionally of one service.
    func changes(after revision: UInt64, service: String) throws -> [WatchEvent] {
        try pool.read { db in
            let rows = service.isEmpty
                ? try Row.fetchAll(db, sql: "SELECT revision, kind, record FROM change WHERE revision > ? ORDER BY revision",
                                   arguments: [revision])
                : try Row.fetchAll(db, sql: "SELECT revision, kind, record FROM change WHERE revision > ? AND service = ? ORDER BY revision",
                                   arguments: [revision, service])
            return try rows.map { row in
                let blob: Data = row["record"]
                return WatchEvent(revision: row["revision"], kind: WatchEvent.Kind(rawValue: row["kind"]) ?? .put,
                                  record: try RegistrationRecord(decoding: ByteBuffer(bytes: blob)))
            }
        }
    }
}
