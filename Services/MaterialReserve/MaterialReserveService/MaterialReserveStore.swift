import AnlanStorage
import GRDB

/// The service's SQLite file: the catalogue, storage points, stock lines and the append-only ledger,
/// dispatch orders, reserve norms and region profiles.
///
/// A stock line is (storage point, item, status, expiry day) → quantity, with `reserved` units held
/// for approved dispatch orders. The database itself refuses a negative quantity or more reserved
/// than held (CHECK constraints), behind the service's own checks. Lots that never expire have the
/// expiry day `neverExpires`, so "first expiring, first out" is a plain ascending order.
struct MaterialReserveStore: ServiceStore {
    let pool: DatabasePool

    /// The most units one stock line may hold (10¹⁵): sums over a province stay far inside Int64.
    static let maximumLineUnits: Int64 = 1_000_000_000_000_000
    static let lineCapMessage = "a stock line may hold at most 10^15 units"

    /// The expiry day number of goods that do not expire (a day far past any real one).
    static let neverExpires = 99_999_999

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: catalogue, storage points, stock lines, ledger") { db in
            try db.execute(sql: """
                CREATE TABLE catalogue_item (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    shelf_life_months INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE storage_point (
                    id TEXT PRIMARY KEY NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    lat REAL NOT NULL,
                    lon REAL NOT NULL,
                    capacity INTEGER NOT NULL,
                    contact TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    owner_tier INTEGER NOT NULL
                );
                CREATE INDEX storage_point_by_region ON storage_point(region, id);

                CREATE TABLE stock_line (
                    point_id TEXT NOT NULL REFERENCES storage_point(id),
                    item_code TEXT NOT NULL REFERENCES catalogue_item(code),
                    status INTEGER NOT NULL,
                    expires INTEGER NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity >= 0),
                    reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= quantity),
                    PRIMARY KEY (point_id, item_code, status, expires)
                ) WITHOUT ROWID;
                CREATE INDEX stock_line_by_item ON stock_line(item_code, point_id);

                -- The ledger: append-only; every stock line's quantity is the sum of its movements.
                CREATE TABLE movement (
                    seq INTEGER PRIMARY KEY,
                    point_id TEXT NOT NULL,
                    item_code TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    expires INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    delta INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL
                );
                CREATE INDEX movement_by_line ON movement(point_id, item_code, status, expires);
                CREATE TRIGGER movement_is_append_only_update BEFORE UPDATE ON movement BEGIN
                    SELECT RAISE(ABORT, 'the ledger is append-only');
                END;
                CREATE TRIGGER movement_is_append_only_delete BEFORE DELETE ON movement BEGIN
                    SELECT RAISE(ABORT, 'the ledger is append-only');
                END;
                """)
        }
        migrator.registerMigration("v2: dispatch orders and reservations") { db in
            try db.execute(sql: """
                CREATE TABLE dispatch_order (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    destination_region TEXT NOT NULL,
                    lat REAL NOT NULL,
                    lon REAL NOT NULL,
                    state INTEGER NOT NULL,
                    requested_by TEXT NOT NULL,
                    note TEXT NOT NULL
                );
                CREATE TABLE dispatch_source (
                    order_id TEXT NOT NULL REFERENCES dispatch_order(id),
                    point_id TEXT NOT NULL,
                    PRIMARY KEY (order_id, point_id)
                ) WITHOUT ROWID;
                CREATE TABLE dispatch_line (
                    order_id TEXT NOT NULL REFERENCES dispatch_order(id),
                    item_code TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
                    PRIMARY KEY (order_id, item_code)
                ) WITHOUT ROWID;
                -- Units an order reserved on a stock line. While the order is approved, stock_line.reserved
                -- is the sum of its approved orders' rows; after dispatch the rows stay as what was issued.
                CREATE TABLE reservation (
                    order_id TEXT NOT NULL REFERENCES dispatch_order(id),
                    point_id TEXT NOT NULL,
                    item_code TEXT NOT NULL,
                    expires INTEGER NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (order_id, point_id, item_code, expires)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3: covering index for planning") { db in
            // Planning reads good, unexpired, unreserved units of a few items across every point:
            // this index answers it without touching the table.
            try db.execute(sql: """
                DROP INDEX stock_line_by_item;
                CREATE INDEX stock_line_for_planning ON stock_line(item_code, status, expires, point_id, quantity, reserved);
                """)
        }
        migrator.registerMigration("v4: stock tally per division") { db in
            // Units per 6-digit division (a point's county, or the city or province itself for points
            // registered there), item and status, so a subtree at county level or above sums a few
            // thousand rows instead of every stock line. The ledger adds its quantity changes once per
            // transaction (LedgerWriter); reservations and points that change county are kept by triggers.
            try db.execute(sql: """
                CREATE TABLE stock_tally (
                    division TEXT NOT NULL,
                    item_code TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    quantity INTEGER NOT NULL,
                    reserved INTEGER NOT NULL,
                    PRIMARY KEY (division, item_code, status)
                ) WITHOUT ROWID;
                INSERT INTO stock_tally (division, item_code, status, quantity, reserved)
                    SELECT substr(p.region, 1, 6), s.item_code, s.status, SUM(s.quantity), SUM(s.reserved)
                    FROM stock_line s JOIN storage_point p ON p.id = s.point_id
                    GROUP BY 1, 2, 3;
                CREATE TRIGGER stock_tally_reserved AFTER UPDATE OF reserved ON stock_line BEGIN
                    UPDATE stock_tally SET reserved = reserved + NEW.reserved - OLD.reserved
                    WHERE division = (SELECT substr(region, 1, 6) FROM storage_point WHERE id = NEW.point_id)
                      AND item_code = NEW.item_code AND status = NEW.status;
                END;
                CREATE TRIGGER stock_tally_point_moves AFTER UPDATE OF region ON storage_point
                WHEN substr(OLD.region, 1, 6) != substr(NEW.region, 1, 6) BEGIN
                    INSERT INTO stock_tally (division, item_code, status, quantity, reserved)
                        SELECT substr(OLD.region, 1, 6), item_code, status, -SUM(quantity), -SUM(reserved)
                        FROM stock_line WHERE point_id = NEW.id GROUP BY item_code, status
                        ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, reserved = reserved + excluded.reserved;
                    INSERT INTO stock_tally (division, item_code, status, quantity, reserved)
                        SELECT substr(NEW.region, 1, 6), item_code, status, SUM(quantity), SUM(reserved)
                        FROM stock_line WHERE point_id = NEW.id GROUP BY item_code, status
                        ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, reserved = reserved + excluded.reserved;
                END;
                """)
        }
        migrator.registerMigration("v5: reserve norms, region profiles, the flood-season kit") { db in
            try db.execute(sql: """
                CREATE TABLE reserve_norm (
                    tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 4),
                    risk INTEGER NOT NULL CHECK (risk BETWEEN 1 AND 3),
                    item_code TEXT NOT NULL REFERENCES catalogue_item(code),
                    basis INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 3),
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (tier, risk, item_code, basis)
                ) WITHOUT ROWID;
                -- risk 0: not set here (the nearest ancestor's applies).
                CREATE TABLE region_profile (
                    region TEXT PRIMARY KEY NOT NULL,
                    risk INTEGER NOT NULL CHECK (risk BETWEEN 0 AND 3),
                    responsible_persons INTEGER NOT NULL CHECK (responsible_persons >= 0),
                    disaster_prone_villages INTEGER NOT NULL CHECK (disaster_prone_villages >= 0)
                ) WITHOUT ROWID;
                """)
            for item in FloodSeasonKit.items {
                try db.execute(sql: "INSERT OR IGNORE INTO catalogue_item (code, name, unit, shelf_life_months) VALUES (?, ?, ?, ?)",
                               arguments: [item.code, item.name, item.unit, item.shelfLifeMonths])
            }
            for norm in FloodSeasonKit.norms {
                try db.execute(sql: "INSERT INTO reserve_norm (tier, risk, item_code, basis, quantity) VALUES (?, ?, ?, ?, ?)",
                               arguments: [norm.tier, norm.riskLevel.rawValue, norm.itemCode, norm.basis.rawValue, norm.quantity])
            }
        }
        migrator.registerMigration("v6: a cap on a stock line's units") { db in
            try db.execute(sql: """
                CREATE TRIGGER stock_line_cap BEFORE UPDATE OF quantity ON stock_line
                WHEN NEW.quantity > \(maximumLineUnits) BEGIN
                    SELECT RAISE(ABORT, '\(lineCapMessage)');
                END;
                """)
        }
        return migrator
    }

    /// The tally division of a point in `region`: the first 6 digits (GB/T 2260) of its code.
    static func division(of region: String) -> Substring { region.prefix(6) }
}
