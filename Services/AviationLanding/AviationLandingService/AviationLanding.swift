import AnlanRecords
import AnlanRegions
import AnlanStorage
import AviationLandingAPI
import GRDB
import Logging

/// The register of helicopter landing points for one node's region: points with their derived
/// compliance, inspections, spatial search, coverage and construction targets. Answers with
/// `RecordServiceError`s: `invalidArgument` for a bad record or request, `notFound`.
public final class AviationLanding: Sendable {
    public let region: Region
    public let configuration: LandingConfiguration
    let tree: RegionTree
    /// Each region's share of the annual construction target.
    let shares: TownshipShares
    /// The node's region, against which every region a request names is checked.
    var scope: NodeScope { NodeScope(region: region, tree: tree) }
    let store: LandingPointStore
    /// Statistics kept until the database changes (a gateway asks every second).
    let statisticsCache: ReadCache<DayKey<CoverageRequest>, LandingStatistics>
    let logger: Logger
    /// Today at the node (China Standard Time).
    let today: @Sendable () -> CivilDay

    public init(databasePath: String, regionCode: String, configuration: LandingConfiguration = LandingConfiguration(),
                tree: RegionTree = .zhejiang, logger: Logger, today: @escaping @Sendable () -> CivilDay = { .today }) throws {
        self.region = try tree.region(regionCode)
        self.configuration = configuration
        self.tree = tree
        self.shares = TownshipShares(tree: tree)
        self.store = try LandingPointStore(path: databasePath)
        self.statisticsCache = ReadCache(path: databasePath)
        self.logger = logger
        self.today = today
        try rederiveComplianceIfRulesChanged()
    }

    // MARK: Points

    /// Adds or replaces a landing point and answers it as stored, with its compliance.
    @discardableResult
    public func putPoint(_ point: LandingPoint) async throws -> LandingPoint {
        let point = try validating { try validated(point) }
        return try await store.pool.write { db in
            try Self.save(point, db)
            return try Self.point(id: point.id, db)!
        }
    }

    public func point(id: String) async throws -> LandingPoint {
        let id = id.trimmed
        guard let point = try await store.pool.read({ db in try Self.point(id: id, db) }) else {
            throw RecordServiceError.notFound("no landing point \"\(id)\" on this node")
        }
        return point
    }

    /// Deletes a point and its inspections.
    public func deletePoint(id: String) async throws {
        let id = id.trimmed
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM landing_point WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw RecordServiceError.notFound("no landing point \"\(id)\" on this node") }
        }
    }

    /// A page of the points in a region subtree, by region code then id.
    public func points(_ query: LandingQuery) async throws -> RecordPage<LandingPoint> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        var sql = "SELECT \(Self.columns) FROM landing_point WHERE region >= ? AND region < ? AND (region, id) > (?, ?)"
        var arguments: StatementArguments = [range.lower, range.upper, cursor?.region ?? "", cursor?.id ?? ""]
        if !query.kinds.isEmpty { sql += " AND kind IN (\(query.kinds.map { String($0.rawValue) }.joined(separator: ",")))" }
        if !query.statuses.isEmpty { sql += " AND status IN (\(query.statuses.map { String($0.rawValue) }.joined(separator: ",")))" }
        if query.nonCompliantOnly { sql += " AND compliant = 0" }
        if query.inspectionDueOnly {
            let asOf = query.asOf ?? today()
            guard (1900...9999).contains(asOf.year) else { throw RecordServiceError.invalidArgument("as of \(asOf) is not in the years 1900…9999") }
            sql += " AND (last_inspected IS NULL OR last_inspected < ?)"
            arguments += [inspectionDueBefore(asOf).dayNumber]
        }
        sql += " ORDER BY region, id LIMIT ?"
        arguments += [limit + 1]
        return try await store.pool.read { [sql, arguments] db in
            let points = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.point(row:))
            let page = Array(points.prefix(limit))
            return RecordPage(records: page, nextCursor: points.count > limit ? RegionCursor(region: page.last!.regionCode, id: page.last!.id).text : "")
        }
    }

    /// Points last inspected before this day (or never) are due on `day`.
    func inspectionDueBefore(_ day: CivilDay) -> CivilDay { day.adding(months: -configuration.inspectionIntervalMonths) }

    // MARK: Inspections

    /// Records an inspection: the point takes its resulting status, and its day when it is the latest.
    public func recordInspection(_ inspection: Inspection) async throws -> Inspection {
        var inspection = inspection
        let today = self.today()
        try validating {
            inspection.pointID = inspection.pointID.trimmed
            guard let day = inspection.inspectedOn else { throw InvalidRecord("inspected on: the day is required") }
            guard day <= today else { throw InvalidRecord("inspected on \(day) is in the future") }
            guard day.year >= 1900 else { throw InvalidRecord("inspected on \(day) is before 1900") }
            guard let status = inspection.resultingStatus else { throw InvalidRecord("resulting status is required") }
            inspection.inspector = try inspection.inspector.required("inspector")
            inspection.findings = inspection.findings.trimmed
            inspection.statusReason = inspection.statusReason.trimmed
            if status != .available { inspection.statusReason = try inspection.statusReason.required("status reason") }
        }
        return try await store.pool.write { [inspection] db in
            var inspection = inspection
            guard let point = try Self.point(id: inspection.pointID, db) else {
                throw RecordServiceError.notFound("no landing point \"\(inspection.pointID)\" on this node")
            }
            let day = inspection.inspectedOn!.dayNumber
            try db.execute(sql: """
                INSERT INTO inspection (point_id, day, inspector, findings, status, status_reason) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [point.id, day, inspection.inspector, inspection.findings, inspection.resultingStatus!.rawValue, inspection.statusReason])
            inspection.sequence = db.lastInsertedRowID
            if (point.lastInspectedOn?.dayNumber ?? Int.min) <= day {
                try db.execute(sql: "UPDATE landing_point SET status = ?, status_reason = ?, last_inspected = ? WHERE id = ?",
                               arguments: [inspection.resultingStatus!.rawValue, inspection.statusReason, day, point.id])
            }
            return inspection
        }
    }

    /// A point's inspections, newest first.
    public func inspections(pointID: String) async throws -> [Inspection] {
        let pointID = pointID.trimmed
        return try await store.pool.read { db in
            guard try Self.point(id: pointID, db) != nil else { throw RecordServiceError.notFound("no landing point \"\(pointID)\" on this node") }
            return try Row.fetchAll(db, sql: """
                SELECT seq, point_id, day, inspector, findings, status, status_reason FROM inspection WHERE point_id = ? ORDER BY day DESC, seq DESC
                """, arguments: [pointID]).map { row in
                Inspection(sequence: row[0], pointID: row[1], inspectedOn: CivilDay(dayNumber: row[2]), inspector: row[3], findings: row[4],
                           resultingStatus: LandingPointStatus(rawValue: row[5]) ?? .available, statusReason: row[6])
            }
        }
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await store.pool.read { db in
            [("landing points", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM landing_point") ?? 0),
             ("compliant", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM landing_point WHERE compliant = 1") ?? 0),
             ("inspections", try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM inspection") ?? 0)]
        }
    }

    /// Rows of the R*Tree that differ from their point, and points missing from it (empty when the
    /// index is consistent, as it must be).
    public func spatialIndexDisagreements() async throws -> [String] {
        try await store.pool.read { db in
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

    // MARK: Storage helpers

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

    /// Derives every point's compliance again when the rules changed since it was stored.
    private func rederiveComplianceIfRulesChanged() throws {
        try store.pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT version FROM compliance_version") != ComplianceRules.version else { return }
            for point in try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM landing_point").map(Self.point(row:)) {
                let failed = ComplianceRules.failures(of: point).map(\.id)
                try db.execute(sql: "UPDATE landing_point SET compliant = ?, failed_rules = ? WHERE id = ?",
                               arguments: [failed.isEmpty, failed.joined(separator: " "), point.id])
            }
            try db.execute(sql: "UPDATE compliance_version SET version = ?", arguments: [ComplianceRules.version])
        }
    }

    // MARK: Validation

    /// Checks a point from a request and returns it as it will be stored.
    func validated(_ point: LandingPoint) throws -> LandingPoint {
        var point = point
        point.id = try point.id.required("id")
        point.name = try point.name.required("name")
        let place = try scope.recordRegion(point.regionCode)
        point.regionCode = place.code
        try checkPlausible(try GeoCoordinate(latitude: point.latitude, longitude: point.longitude), in: place)
        for (name, value, limit) in [("length", point.lengthMetres, 10_000.0), ("width", point.widthMetres, 10_000),
                                     ("slope", point.slopePercent ?? 0, 100), ("obstacle height", point.obstacleHeightMetres ?? 0, 1_000)] {
            guard value.isFinite, (0...limit).contains(value) else { throw InvalidRecord("\(name) \(value) is not 0…\(Int(limit))") }
        }
        point.manager = point.manager.trimmed
        point.phone = point.phone.trimmed
        point.source = point.source.trimmed
        let thisYear = today().year
        guard point.yearBuilt == 0 || (1900...UInt32(thisYear + 1)).contains(point.yearBuilt) else {
            throw InvalidRecord("year built \(point.yearBuilt) is not 1900…\(thisYear + 1) (or 0: not recorded)")
        }
        point.statusReason = point.statusReason.trimmed
        if point.status != .available && point.statusReason.isEmpty {
            throw InvalidRecord("a \(point.status.name) point needs a status reason")
        }
        point.lastInspectedOn = nil
        point.failedRules = []
        return point
    }

    /// Refuses a point too far from its region to be in it (a swapped latitude and longitude, or
    /// coordinates left at 0, 0): within 150 km of its county's point, or 500 km of its city's or
    /// the province's.
    func checkPlausible(_ place: GeoCoordinate, in region: Region) throws {
        let anchor = try tree.county(of: region.code) ?? region
        let limit = anchor.tier == .county ? 150_000.0 : 500_000
        let distance = place.distance(to: try tree.location(of: anchor.code).coordinate)
        guard distance <= limit else {
            throw InvalidRecord("lat/lon \(place.latitude), \(place.longitude) is \(Int(distance / 1000)) km from \(anchor): not in \(region)")
        }
    }

}
