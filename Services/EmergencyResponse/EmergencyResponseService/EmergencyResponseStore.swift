import AnlanStorage
import GRDB

/// The service's SQLite file: the equipment catalogue, rescue teams, incidents with their append-only
/// timelines, and every deployment by its idempotency key.
///
/// A team's specialties are a bitmask (candidates match any of a search's with one `&`); its
/// equipment is `code:count;…` text, read and written with the team. An incident's id is the node's
/// region and its rowid, so ids never repeat, even after a delete.
struct EmergencyResponseStore: ServiceStore {
    let pool: DatabasePool

    /// The standard catalogue every node starts with (装备目录): code, name, unit.
    static let standardEquipment: [(code: String, name: String, unit: String)] = [
        ("assault-boat", "冲锋舟", "艘"), ("rubber-boat", "橡皮艇", "艘"), ("pump", "排涝泵", "台"),
        ("drainage-truck", "排涝车", "辆"), ("fire-truck", "消防车", "辆"), ("ambulance", "救护车", "辆"),
        ("drone", "无人机", "架"), ("generator", "发电机", "台"), ("satellite-phone", "卫星电话", "部"),
        ("life-detector", "生命探测仪", "台"), ("breaking-tools", "破拆工具组", "套"), ("lighting-tower", "照明车", "辆"),
        ("helicopter", "直升机", "架"),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: equipment, teams, incidents, timelines and deployments") { db in
            try db.execute(sql: """
                CREATE TABLE equipment (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE team (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    specialties INTEGER NOT NULL,
                    headcount INTEGER NOT NULL CHECK (headcount > 0),
                    equipment TEXT NOT NULL,
                    latitude REAL NOT NULL,
                    longitude REAL NOT NULL,
                    region TEXT NOT NULL,
                    commanding_node TEXT NOT NULL,
                    readiness INTEGER NOT NULL,
                    contact TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    helicopter_class INTEGER NOT NULL,
                    deployed_to TEXT NOT NULL DEFAULT '',
                    deployment_key TEXT NOT NULL DEFAULT ''
                ) WITHOUT ROWID;
                CREATE INDEX team_by_region ON team(region, id);
                CREATE INDEX team_by_readiness ON team(readiness);

                CREATE TABLE incident (
                    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    kind INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    latitude REAL NOT NULL,
                    longitude REAL NOT NULL,
                    region TEXT NOT NULL,
                    reported_at INTEGER NOT NULL,
                    severity INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    affected INTEGER NOT NULL CHECK (affected >= 0),
                    dead INTEGER NOT NULL CHECK (dead >= 0),
                    injured INTEGER NOT NULL CHECK (injured >= 0),
                    missing INTEGER NOT NULL CHECK (missing >= 0),
                    reporter TEXT NOT NULL,
                    first_arrival INTEGER NOT NULL DEFAULT 0,
                    closed_at INTEGER NOT NULL DEFAULT 0,
                    report_key TEXT NOT NULL DEFAULT ''
                );
                CREATE UNIQUE INDEX incident_by_report_key ON incident(report_key) WHERE report_key != '';
                CREATE INDEX incident_by_region ON incident(region, status);

                CREATE TABLE timeline (
                    incident TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (incident, sequence)
                ) WITHOUT ROWID;

                CREATE TABLE deployment (
                    key TEXT PRIMARY KEY NOT NULL,
                    team TEXT NOT NULL,
                    incident TEXT NOT NULL,
                    latitude REAL NOT NULL,
                    longitude REAL NOT NULL,
                    actor TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    deployed_at INTEGER NOT NULL,
                    ended_at INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                """)
            for item in standardEquipment {
                try db.execute(sql: "INSERT INTO equipment (code, name, unit) VALUES (?, ?, ?)", arguments: [item.code, item.name, item.unit])
            }
        }
        return migrator
    }
}
