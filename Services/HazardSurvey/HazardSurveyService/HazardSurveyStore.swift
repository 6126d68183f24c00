import AnlanStorage
import GRDB

/// The service's SQLite file: hazard points, enterprises with their grade history, hidden hazards with
/// their transition history, and per-region tallies kept in step with the records so roll-up statistics
/// never scan them.
///
/// Region codes are stored canonical (6 or 12 digits), so a subtree is one index range (`RegionRange`).
/// Days are stored as day numbers (`CivilDay.dayNumber`).
struct HazardSurveyStore: ServiceStore {
    let pool: DatabasePool

    /// A big import touches index pages all over the file: the writer keeps them in memory (up to
    /// 256 MB) instead of spilling the same page to the WAL again and again.
    static var writerCacheMegabytes: Int? { 256 }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: points, enterprises, hidden hazards, tallies") { db in
            try db.execute(sql: """
                CREATE TABLE hazard_point (
                    id TEXT PRIMARY KEY NOT NULL,
                    region TEXT NOT NULL,
                    lat REAL NOT NULL,
                    lon REAL NOT NULL,
                    type INTEGER NOT NULL,
                    band INTEGER NOT NULL,
                    population INTEGER NOT NULL,
                    transfer INTEGER NOT NULL,
                    responsible TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    surveyed INTEGER,
                    department TEXT NOT NULL
                );
                CREATE INDEX hazard_point_by_region ON hazard_point(region, id);

                -- Points per township, type and band: what statistics read instead of the points.
                -- Kept by PointWriter in the same transaction as every point write (not by triggers:
                -- a bulk import adds up its deltas in memory and writes each cell once).
                CREATE TABLE hazard_point_tally (
                    region TEXT NOT NULL, type INTEGER NOT NULL, band INTEGER NOT NULL,
                    points INTEGER NOT NULL, population INTEGER NOT NULL, transfer INTEGER NOT NULL,
                    PRIMARY KEY (region, type, band)
                ) WITHOUT ROWID;

                CREATE TABLE enterprise (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    credit_code TEXT NOT NULL UNIQUE,
                    region TEXT NOT NULL,
                    sector INTEGER NOT NULL,
                    major_source INTEGER NOT NULL,
                    grade INTEGER NOT NULL
                );
                CREATE INDEX enterprise_by_region ON enterprise(region, id);
                CREATE TABLE enterprise_grade (
                    enterprise_id TEXT NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    grade INTEGER NOT NULL,
                    previous INTEGER,
                    day INTEGER,
                    actor TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (enterprise_id, seq)
                ) WITHOUT ROWID;

                CREATE TABLE enterprise_tally (
                    region TEXT NOT NULL, grade INTEGER NOT NULL, sector INTEGER NOT NULL,
                    enterprises INTEGER NOT NULL, major_sources INTEGER NOT NULL,
                    PRIMARY KEY (region, grade, sector)
                ) WITHOUT ROWID;
                CREATE TRIGGER enterprise_tally_insert AFTER INSERT ON enterprise BEGIN
                    INSERT INTO enterprise_tally (region, grade, sector, enterprises, major_sources)
                    VALUES (new.region, new.grade, new.sector, 1, new.major_source)
                    ON CONFLICT (region, grade, sector) DO UPDATE SET enterprises = enterprises + 1,
                        major_sources = major_sources + excluded.major_sources;
                END;
                CREATE TRIGGER enterprise_tally_delete AFTER DELETE ON enterprise BEGIN
                    UPDATE enterprise_tally SET enterprises = enterprises - 1, major_sources = major_sources - old.major_source
                    WHERE region = old.region AND grade = old.grade AND sector = old.sector;
                END;
                CREATE TRIGGER enterprise_tally_update AFTER UPDATE OF region, grade, sector, major_source ON enterprise BEGIN
                    UPDATE enterprise_tally SET enterprises = enterprises - 1, major_sources = major_sources - old.major_source
                    WHERE region = old.region AND grade = old.grade AND sector = old.sector;
                    INSERT INTO enterprise_tally (region, grade, sector, enterprises, major_sources)
                    VALUES (new.region, new.grade, new.sector, 1, new.major_source)
                    ON CONFLICT (region, grade, sector) DO UPDATE SET enterprises = enterprises + 1,
                        major_sources = major_sources + excluded.major_sources;
                END;

                CREATE TABLE hidden_hazard (
                    id TEXT PRIMARY KEY NOT NULL,
                    region TEXT NOT NULL,
                    enterprise_id TEXT REFERENCES enterprise(id),
                    location TEXT NOT NULL,
                    description TEXT NOT NULL,
                    category TEXT NOT NULL,
                    major INTEGER NOT NULL,
                    discovered INTEGER NOT NULL,
                    discovered_by TEXT NOT NULL,
                    tier INTEGER NOT NULL,
                    deadline INTEGER NOT NULL,
                    listed INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    closed INTEGER
                );
                CREATE INDEX hidden_hazard_by_region ON hidden_hazard(region, id);
                -- Open hazards only (state 5 is closed): the overdue list walks this.
                CREATE INDEX hidden_hazard_open_by_region ON hidden_hazard(region, id) WHERE state < 5;
                -- Covers the statistics query, so it never reads the table.
                CREATE INDEX hidden_hazard_for_statistics ON hidden_hazard(region, state, deadline, closed, major, listed);
                CREATE INDEX hidden_hazard_by_enterprise ON hidden_hazard(enterprise_id) WHERE enterprise_id IS NOT NULL;
                CREATE TABLE hidden_hazard_event (
                    hazard_id TEXT NOT NULL REFERENCES hidden_hazard(id),
                    seq INTEGER NOT NULL,
                    action INTEGER NOT NULL,
                    from_state INTEGER,
                    to_state INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    day INTEGER,
                    note TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    tier INTEGER NOT NULL,
                    deadline INTEGER,
                    PRIMARY KEY (hazard_id, seq)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: point tally per county") { db in
            // The same cells summed per county, so a city's or the province's statistics read
            // about 65 cells per county instead of about 65 per township.
            try db.execute(sql: """
                CREATE TABLE hazard_point_county_tally (
                    region TEXT NOT NULL, type INTEGER NOT NULL, band INTEGER NOT NULL,
                    points INTEGER NOT NULL, population INTEGER NOT NULL, transfer INTEGER NOT NULL,
                    PRIMARY KEY (region, type, band)
                ) WITHOUT ROWID;
                INSERT INTO hazard_point_county_tally (region, type, band, points, population, transfer)
                SELECT substr(region, 1, 6), type, band, SUM(points), SUM(population), SUM(transfer)
                FROM hazard_point_tally GROUP BY substr(region, 1, 6), type, band;
                """)
        }
        return migrator
    }
}
