import AnlanRecords
import AviationLandingAPI
import GRDB

/// Landing points: reads and writes inside a caller's transaction.
extension LandingPointStore {
    static let columns = """
        id, region, name, lat, lon, kind, length_m, width_m, surface, slope_percent, obstacle_m, power_lines, marking, lighting, \
        class, manager, phone, year_built, status, status_reason, last_inspected, failed_rules, source
        """

    static func point(row: Row) -> LandingPoint {
        let lastInspected: Int? = row[20]
        let slope: Double? = row[9]
        let obstacle: Double? = row[10]
        let failed: String = row[21]
        return LandingPoint(
            id: row[0], name: row[2], regionCode: row[1], latitude: row[3], longitude: row[4],
            kind: LandingPointKind(rawValue: row[5]) ?? .other, lengthMetres: row[6], widthMetres: row[7],
            surface: LandingSurface(rawValue: row[8]) ?? .other, slopePercent: slope, obstacleHeightMetres: obstacle,
            powerLinesNear: row[11], groundMarking: row[12], nightLighting: NightLighting(rawValue: row[13]) ?? .none,
            largestClass: HelicopterClass(rawValue: row[14]) ?? .light, manager: row[15], phone: row[16], yearBuilt: row[17],
            status: LandingPointStatus(rawValue: row[18]) ?? .available, statusReason: row[19],
            lastInspectedOn: lastInspected.map(CivilDay.init(dayNumber:)),
            failedRules: failed.isEmpty ? [] : failed.split(separator: " ").map(String.init), source: row[22])
    }

    static func point(id: String, _ db: Database) throws -> LandingPoint? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM landing_point WHERE id = ?"), arguments: [id]).map(point(row:))
    }

    /// Inserts or replaces a validated point, deriving its compliance; says what it did. Once a point
    /// has been inspected, its status is its latest inspection's: a put or an import keeps it.
    @discardableResult
    static func save(_ point: LandingPoint, _ db: Database) throws -> WriteOutcome {
        var point = point
        let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, status_reason, last_inspected FROM landing_point WHERE id = ?"),
                                      arguments: [point.id])
        if let stored, (stored[2] as Int?) != nil {
            point.status = LandingPointStatus(rawValue: stored[0]) ?? point.status
            point.statusReason = stored[1]
        }
        let failed = ComplianceRules.failures(of: point).map(\.id)
        let values: [(any DatabaseValueConvertible)?] = [
            point.id, point.regionCode, point.name, point.latitude, point.longitude, point.kind.rawValue, point.lengthMetres,
            point.widthMetres, point.surface.rawValue, point.slopePercent, point.obstacleHeightMetres, point.powerLinesNear,
            point.groundMarking, point.nightLighting.rawValue, point.largestClass.rawValue, point.manager, point.phone,
            point.yearBuilt, point.status.rawValue, point.statusReason, failed.isEmpty, failed.joined(separator: " "), point.source,
        ]
        let existed = stored != nil
        let names = ["region", "name", "lat", "lon", "kind", "length_m", "width_m", "surface", "slope_percent", "obstacle_m",
                     "power_lines", "marking", "lighting", "class", "manager", "phone", "year_built", "status", "status_reason",
                     "compliant", "failed_rules", "source"]
        try db.cachedStatement(sql: """
            INSERT INTO landing_point (id, \(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count + 1).joined(separator: ", ")))
            ON CONFLICT (id) DO UPDATE SET \(names.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE (\(names.map { "landing_point.\($0)" }.joined(separator: ", "))) IS NOT (\(names.map { "excluded.\($0)" }.joined(separator: ", ")))
            """).execute(arguments: StatementArguments(values))
        return db.changesCount == 0 ? .unchanged : existed ? .updated : .inserted
    }

    /// Deletes a point and (by cascade) its inspections; false if there is none.
    static func deletePoint(id: String, _ db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM landing_point WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }

    /// A page of the points in a region subtree, by region code then id. `inspectedBefore`: only points
    /// last inspected before that day, or never.
    static func points(in range: RegionRange, after cursor: RegionCursor?, kinds: [LandingPointKind],
                       statuses: [LandingPointStatus], nonCompliantOnly: Bool, inspectedBefore: CivilDay?,
                       limit: Int, _ db: Database) throws -> RecordPage<LandingPoint> {
        var sql = "SELECT \(columns) FROM landing_point WHERE region >= ? AND region < ? AND (region, id) > (?, ?)"
        var arguments: StatementArguments = [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? ""]
        if !kinds.isEmpty { sql += " AND kind IN (\(kinds.map { String($0.rawValue) }.joined(separator: ",")))" }
        if !statuses.isEmpty { sql += " AND status IN (\(statuses.map { String($0.rawValue) }.joined(separator: ",")))" }
        if nonCompliantOnly { sql += " AND compliant = 0" }
        if let inspectedBefore {
            sql += " AND (last_inspected IS NULL OR last_inspected < ?)"
            arguments += [inspectedBefore.dayNumber]
        }
        sql += " ORDER BY region, id LIMIT ?"
        arguments += [limit + 1]
        let points = try Row.fetchAll(db, sql: sql, arguments: arguments).map(point(row:))
        let page = Array(points.prefix(limit))
        return RecordPage(records: page, nextCursor: points.count > limit ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
    }

    /// Up to `limit` points of a subtree after `(region, id)`, by region code then id: one chunk of an export.
    static func points(in range: RegionRange, after: (String, String), limit: Int, _ db: Database) throws -> [LandingPoint] {
        try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM landing_point WHERE region >= ? AND region < ? AND (region, id) > (?, ?)
            ORDER BY region, id LIMIT ?
            """, arguments: [range.lower, range.upper, after.0, after.1, limit]).map(point(row:))
    }

    /// The full records of `hits`, in their order: one query for all of them (a box may hold 10,000).
    static func points(_ hits: some Collection<SpatialSearch.Hit>, _ db: Database) throws -> [NearbyPoint] {
        guard !hits.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: "SELECT \(columns), seq FROM landing_point WHERE seq IN (SELECT value FROM json_each(?))")
        let seqs = "[" + hits.map { String($0.seq) }.joined(separator: ",") + "]"
        var rows: [Int64: Row] = [:]
        for row in try Row.fetchAll(statement, arguments: [seqs]) { rows[row[row.count - 1]] = row }
        return hits.compactMap { hit in
            rows[hit.seq].map { NearbyPoint(point: point(row: $0), distanceKilometres: hit.distance) }
        }
    }

    /// Derives every point's compliance again when the rules changed since it was stored.
    static func rederiveComplianceIfRulesChanged(_ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT version FROM compliance_version") != ComplianceRules.version else { return }
        for point in try Row.fetchAll(db, sql: "SELECT \(columns) FROM landing_point").map(point(row:)) {
            let failed = ComplianceRules.failures(of: point).map(\.id)
            try db.execute(sql: "UPDATE landing_point SET compliant = ?, failed_rules = ? WHERE id = ?",
                           arguments: [failed.isEmpty, failed.joined(separator: " "), point.id])
        }
        try db.execute(sql: "UPDATE compliance_version SET version = ?", arguments: [ComplianceRules.version])
    }

    /// Record counts for `node.info`.
    static func counts(_ db: Database) throws -> [(String, Int64)] {
        [("landing points", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM landing_point") ?? 0),
         ("compliant", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM landing_point WHERE compliant = 1") ?? 0),
         ("inspections", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM inspection") ?? 0)]
    }

    /// Rows of the R*Tree that differ from their point, and points missing from it.
    static func spatialIndexDisagreements(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT 'point ' || p.id || ' missing from the index' FROM landing_point p
                WHERE NOT EXISTS (SELECT 1 FROM landing_point_rtree r WHERE r.seq = p.seq)
            UNION ALL
            SELECT 'index row ' || r.seq || ' has no point' FROM landing_point_rtree r
                WHERE NOT EXISTS (SELECT 1 FROM landing_point p WHERE p.seq = r.seq)
            UNION ALL
            SELECT 'index row of ' || p.id || ' differs' FROM landing_point p JOIN landing_point_rtree r ON r.seq = p.seq
                WHERE r.lat != p.lat OR r.lon != p.lon OR r.status != p.status OR r.class != p.class
                  OR r.min_lat > p.lat OR r.max_lat < p.lat OR r.min_lon > p.lon OR r.max_lon < p.lon
            """)
    }
}
