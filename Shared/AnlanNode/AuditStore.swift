import AnlanStorage
import GRDB

/// The audit records of the nodes that share a database file (审计库), kept beside it in
/// `<database>.audit.sqlite`: append-only, one row a record, indexed by node and time.
public struct AuditStore: ServiceStore {
    public let pool: DatabasePool

    public init(pool: DatabasePool) {
        self.pool = pool
    }

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    node TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    who TEXT NOT NULL,
                    method TEXT NOT NULL,
                    access TEXT NOT NULL,
                    from_address TEXT NOT NULL,
                    request TEXT NOT NULL,
                    outcome TEXT NOT NULL
                );
                CREATE INDEX audit_by_node_time ON audit(node, at);
                CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit records are not changed'); END;
                CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit records are not deleted'); END;
                """)
        }
        return migrator
    }

    /// Appends `record`.
    public func append(_ record: AuditRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit (node, at, who, method, access, from_address, request, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.node, record.at, record.who, record.method, record.access, record.from,
                                 record.request, record.outcome])
        }
    }

    /// `node`'s records matching `query`, newest first.
    public func records(of node: String, _ query: AuditQuery) async throws -> [AuditRecord] {
        let limit = query.limit == 0 ? 100 : Int(min(query.limit, 1000))
        return try await pool.read { db in
            var sql = "SELECT at, who, method, access, from_address, request, outcome FROM audit WHERE node = ? AND at >= ?"
            var arguments: StatementArguments = [node, query.since]
            if !query.who.isEmpty {
                sql += " AND instr(who, ?) > 0"
                _ = arguments.append(contentsOf: [query.who])
            }
            if !query.method.isEmpty {
                sql += " AND method = ?"
                _ = arguments.append(contentsOf: [query.method])
            }
            sql += " ORDER BY at DESC, id DESC LIMIT \(limit)"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditRecord(at: row[0], node: node, who: row[1], method: row[2], access: row[3], from: row[4],
                            request: row[5], outcome: row[6])
            }
        }
    }
}
