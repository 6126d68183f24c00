import AnlanStorage
import GRDB

/// The service's SQLite file: people, courses, sessions, attendance and certificates.
///
/// Each person row also keeps what coverage needs, derived from their attendance whenever it or the
/// person changes: initial hours, whether the initial rule is met, and one bit per year (2000–2062)
/// for "annual rule met" and "counts as trained for the role's target". Tallies of people and of
/// people trained per year, by role and 6-digit division, answer coverage of a county or more; a
/// township's is counted from its people.
struct TrainingStore: ServiceStore {
    let pool: DatabasePool

    /// A province's 1.2 million people and 5 million attendance rows: bulk imports read and update
    /// them in key order, and statistics scan the people; a 256 MB page cache keeps the pages they
    /// walk (1 GB measured no faster).
    static var writerCacheMegabytes: Int? { 256 }
    static var readerCacheMegabytes: Int? { 256 }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: people, courses, sessions, attendance, certificates") { db in
            try db.execute(sql: """
                CREATE TABLE person (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    national_id TEXT NOT NULL UNIQUE,
                    role INTEGER NOT NULL,
                    region TEXT NOT NULL,
                    village TEXT NOT NULL,
                    employer TEXT NOT NULL,
                    high_risk INTEGER NOT NULL,
                    joined INTEGER NOT NULL,
                    initial_hours REAL NOT NULL DEFAULT 0,
                    initial_met INTEGER NOT NULL DEFAULT 0,
                    annual_mask INTEGER NOT NULL DEFAULT 0,
                    trained_mask INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE INDEX person_by_region ON person(region, id);
                CREATE INDEX person_by_role ON person(role, region);

                -- Coverage of a county or more is read from these tallies, kept with every derivation:
                -- people per (role, 6-digit division, level), and those counted as trained per year.
                CREATE TABLE people_tally (
                    role INTEGER NOT NULL,
                    division TEXT NOT NULL,
                    village INTEGER NOT NULL,
                    people INTEGER NOT NULL,
                    PRIMARY KEY (role, division, village)
                ) WITHOUT ROWID;
                CREATE TABLE trained_tally (
                    role INTEGER NOT NULL,
                    year INTEGER NOT NULL,
                    division TEXT NOT NULL,
                    village INTEGER NOT NULL,
                    trained INTEGER NOT NULL,
                    PRIMARY KEY (role, year, division, village)
                ) WITHOUT ROWID;

                CREATE TABLE course (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    hours REAL NOT NULL,
                    pass_mark REAL NOT NULL,
                    grants_certificate INTEGER NOT NULL,
                    certificate_kind TEXT NOT NULL,
                    validity_months INTEGER NOT NULL,
                    review_months INTEGER NOT NULL,
                    roles INTEGER NOT NULL  -- bit (role − 1) for each role it counts for
                ) WITHOUT ROWID;

                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    course_code TEXT NOT NULL,
                    starts INTEGER NOT NULL,
                    ends INTEGER NOT NULL,
                    hours REAL NOT NULL,
                    location TEXT NOT NULL,
                    instructor TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX session_by_course ON session(course_code);

                CREATE TABLE attendance (
                    person_id TEXT NOT NULL,
                    session_id TEXT NOT NULL,
                    hours REAL NOT NULL,
                    score REAL NOT NULL,
                    passed INTEGER NOT NULL,
                    PRIMARY KEY (person_id, session_id)
                ) WITHOUT ROWID;
                -- No index by session: it would cost every bulk row a second B-tree insert, for the rare
                -- correction of a session or course (which then scans attendance once).

                CREATE TABLE certificate (
                    person_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    number TEXT NOT NULL,
                    issued INTEGER NOT NULL,
                    expires INTEGER,
                    review_due INTEGER,
                    due INTEGER,  -- the earlier of expiry and review
                    PRIMARY KEY (person_id, kind, number)
                ) WITHOUT ROWID;
                CREATE INDEX certificate_by_due ON certificate(due);

                -- Settings the stored derivations depend on (the flood season's start).
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                """)
        }
        // Databases made before the setting table joined v1 (the mesh's of earlier builds) get it here.
        migrator.registerMigration("v2: settings for databases made before v1 had them") { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID")
        }
        return migrator
    }
}
