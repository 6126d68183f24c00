import GRDB

/// Opens a service's SQLite database the same way everywhere: WAL journal, one writer and concurrent
/// readers (GRDB's `DatabasePool`), `synchronous=FULL` so an acknowledged write survives a crash or a power
/// cut, foreign keys on, and the service's migrations applied before the first request.
public enum SQLiteStore {
    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// - Parameters:
    ///   - writerCacheMegabytes: the writer connection's page cache (default: SQLite's 2 MB). A store
    ///     whose bulk imports walk tables of millions of rows sets it larger, so the pages they touch
    ///     stay in memory instead of being read and spilled again.
    ///   - readerCacheMegabytes: each reader connection's page cache (default: SQLite's 2 MB), for a
    ///     store whose reports scan such tables.
    public static func open(path: String, migrator: DatabaseMigrator, readers: Int = 4,
                            writerCacheMegabytes: Int? = nil, readerCacheMegabytes: Int? = nil) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = readers
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let megabytes = db.configuration.readonly ? readerCacheMegabytes : writerCacheMegabytes {
                try db.execute(sql: "PRAGMA cache_size = -\(megabytes * 1024)")
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }
}
