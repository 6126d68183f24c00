import AnlanStorage
import GRDB

/// The service's SQLite file: coded people, shelters, warnings, one transfer task per (warning,
/// person) and every transfer step.
///
/// A task copies what its lists sort and filter by (region, village, cadre, vulnerability) from its
/// person when the warning creates it, so a village's worklist is one index range.
struct EvacuationStore: ServiceStore {
    let pool: DatabasePool

    /// A province node's 530,000 people: an import walks the person table and its index; a 128 MB page
    /// cache holds them (the default 2 MB thrashes on random transfer codes).
    static var writerCacheMegabytes: Int? { 128 }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: people, shelters, warnings, transfer tasks and events") { db in
            try db.execute(sql: """
                CREATE TABLE person (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    national_id TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    region TEXT NOT NULL,
                    village TEXT NOT NULL,
                    hazard_points TEXT NOT NULL,
                    risk_kind INTEGER NOT NULL,
                    needs INTEGER NOT NULL,
                    cadre TEXT NOT NULL,
                    cadre_phone TEXT NOT NULL,
                    shelter TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX person_by_region ON person(region, village);
                CREATE INDEX person_by_national_id ON person(national_id);

                CREATE TABLE shelter (
                    id TEXT PRIMARY KEY NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    latitude REAL NOT NULL,
                    longitude REAL NOT NULL,
                    kind INTEGER NOT NULL,
                    capacity INTEGER NOT NULL CHECK (capacity >= 0),
                    closed INTEGER NOT NULL DEFAULT 0,
                    occupancy INTEGER NOT NULL DEFAULT 0 CHECK (occupancy >= 0)
                ) WITHOUT ROWID;
                CREATE INDEX shelter_by_region ON shelter(region);

                CREATE TABLE warning (
                    id TEXT PRIMARY KEY NOT NULL,
                    issuer TEXT NOT NULL,
                    regions TEXT NOT NULL,
                    hazard INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    lead_hours INTEGER NOT NULL,
                    issued_at INTEGER NOT NULL,
                    valid_from INTEGER NOT NULL,
                    valid_to INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    replaces TEXT NOT NULL,
                    replaced_by TEXT NOT NULL DEFAULT '',
                    headline TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    tasks INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;

                CREATE TABLE task (
                    warning TEXT NOT NULL,
                    code TEXT NOT NULL,
                    region TEXT NOT NULL,
                    village TEXT NOT NULL,
                    cadre TEXT NOT NULL,
                    vulnerable INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    shelter TEXT NOT NULL DEFAULT '',
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (warning, code)
                ) WITHOUT ROWID;
                CREATE INDEX task_by_code ON task(code, warning);
                CREATE INDEX task_worklist ON task(region, village, state, vulnerable, code);

                CREATE TABLE transfer_event (
                    warning TEXT NOT NULL,
                    code TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    action INTEGER NOT NULL,
                    from_state INTEGER NOT NULL,
                    to_state INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    shelter TEXT NOT NULL,
                    note TEXT NOT NULL,
                    PRIMARY KEY (warning, code, sequence)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: no index by ID number (nothing looks people up by it)") { db in
            try db.execute(sql: "DROP INDEX person_by_national_id")
        }
        return migrator
    }
}
