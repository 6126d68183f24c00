import GRDB

/// A service's SQLite store: its schema as migrations and the page caches it wants; opening it is the
/// same for every service (`init(path:)`, through `SQLiteStore.open`).
public protocol ServiceStore: Sendable {
    /// The store's schema, applied before the first request.
    static var migrator: DatabaseMigrator { get }
    /// The writer connection's page cache in MB (nil: SQLite's 2 MB), for stores whose bulk imports
    /// walk tables of millions of rows.
    static var writerCacheMegabytes: Int? { get }
    /// Each reader connection's page cache in MB (nil: SQLite's 2 MB), for stores whose reports scan them.
    static var readerCacheMegabytes: Int? { get }
    var pool: DatabasePool { get }
    init(pool: DatabasePool)
}

extension ServiceStore {
    public static var writerCacheMegabytes: Int? { nil }
    public static var readerCacheMegabytes: Int? { nil }

    /// Opens (creating if needed) the store's database at `path`, migrated.
    public init(path: String) throws {
        self.init(pool: try SQLiteStore.open(path: path, migrator: Self.migrator, writerCacheMegabytes: Self.writerCacheMegabytes,
                                             readerCacheMegabytes: Self.readerCacheMegabytes))
    }
}
