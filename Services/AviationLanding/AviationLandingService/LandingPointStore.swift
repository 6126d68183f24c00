import AnlanStorage
import GRDB

/// The service's SQLite file: landing points, their R*Tree index and their inspections.
///
/// `landing_point_rtree` holds each point's position with, as auxiliary columns, what a spatial
/// search filters on (exact coordinates, status, largest class), so a search reads the R*Tree alone.
/// Triggers keep it equal to `landing_point` inside the same transaction as every insert, update and
/// delete. Compliance (`compliant`, `failed_rules`) is derived by the service on every write.
struct LandingPointStore: ServiceStore {
    let pool: DatabasePool

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: landing points, R*Tree, inspections") { db in
            try db.execute(sql: """
                CREATE TABLE landing_point (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    lat REAL NOT NULL,
                    lon REAL NOT NULL,
                    kind INTEGER NOT NULL,
                    length_m REAL NOT NULL,
                    width_m REAL NOT NULL,
                    surface INTEGER NOT NULL,
                    slope_percent REAL,
                    obstacle_m REAL,
                    power_lines INTEGER NOT NULL,
                    marking INTEGER NOT NULL,
                    lighting INTEGER NOT NULL,
                    class INTEGER NOT NULL,
                    manager TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    year_built INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    status_reason TEXT NOT NULL,
                    last_inspected INTEGER,
                    compliant INTEGER NOT NULL,
                    failed_rules TEXT NOT NULL,
                    source TEXT NOT NULL
                );
                CREATE INDEX landing_point_by_region ON landing_point(region, id);
                CREATE INDEX landing_point_by_year ON landing_point(year_built, region);

                CREATE VIRTUAL TABLE landing_point_rtree USING rtree(
                    seq, min_lat, max_lat, min_lon, max_lon, +lat, +lon, +status, +class
                );
                CREATE TRIGGER landing_point_rtree_insert AFTER INSERT ON landing_point BEGIN
                    INSERT INTO landing_point_rtree VALUES (NEW.seq, NEW.lat, NEW.lat, NEW.lon, NEW.lon, NEW.lat, NEW.lon, NEW.status, NEW.class);
                END;
                CREATE TRIGGER landing_point_rtree_update AFTER UPDATE OF lat, lon, status, class ON landing_point BEGIN
                    UPDATE landing_point_rtree SET min_lat = NEW.lat, max_lat = NEW.lat, min_lon = NEW.lon, max_lon = NEW.lon,
                        lat = NEW.lat, lon = NEW.lon, status = NEW.status, class = NEW.class
                    WHERE seq = NEW.seq;
                END;
                CREATE TRIGGER landing_point_rtree_delete AFTER DELETE ON landing_point BEGIN
                    DELETE FROM landing_point_rtree WHERE seq = OLD.seq;
                END;

                CREATE TABLE inspection (
                    seq INTEGER PRIMARY KEY,
                    point_id TEXT NOT NULL REFERENCES landing_point(id) ON DELETE CASCADE,
                    day INTEGER NOT NULL,
                    inspector TEXT NOT NULL,
                    findings TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    status_reason TEXT NOT NULL
                );
                CREATE INDEX inspection_by_point ON inspection(point_id, day);

                -- The ComplianceRules version the stored results were derived with.
                CREATE TABLE compliance_version (version INTEGER NOT NULL);
                INSERT INTO compliance_version VALUES (0);
                """)
        }
        return migrator
    }
}
