import AnlanNode
import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import GRDB
import Logging

/// The register of helicopter landing points for one node's region: points with their derived
/// compliance, inspections, spatial search, coverage and construction targets. Answers with
/// `RecordServiceError`s: `invalidArgument` for a bad record or request, `notFound`.
public final class AviationLanding: Sendable {
    /// The node's region, store, statistics cache, logger and clock.
    let core: RecordServiceCore<LandingPointStore, CoverageRequest, LandingStatistics>
    public let configuration: LandingConfiguration
    /// Each region's share of the annual construction target.
    let shares: TownshipShares

    public var region: Region { core.region }
    var tree: RegionTree { core.tree }
    var scope: NodeScope { core.scope }

    public init(databasePath: String, regionCode: String, configuration: LandingConfiguration = LandingConfiguration(),
                tree: RegionTree = .zhejiang, logger: Logger, today: @escaping @Sendable () -> CivilDay = { .today }) throws {
        self.core = try RecordServiceCore(databasePath: databasePath, regionCode: regionCode, tree: tree, logger: logger, today: today)
        self.configuration = configuration
        self.shares = TownshipShares(tree: tree)
        try rederiveComplianceIfRulesChanged()
    }

    // MARK: Points

    /// Adds or replaces a landing point and answers it as stored, with its compliance.
    @discardableResult
    public func putPoint(_ point: LandingPoint) async throws -> LandingPoint {
        let point = try validating { try validated(point) }
        return try await core.store.pool.write { db in
            try LandingPointStore.save(point, db)
            return try LandingPointStore.point(id: point.id, db)!
        }
    }

    public func point(id: String) async throws -> LandingPoint {
        let id = id.trimmed
        guard let point = try await core.store.pool.read({ db in try LandingPointStore.point(id: id, db) }) else {
            throw RecordServiceError.notFound("no landing point \"\(id)\" on this node")
        }
        return point
    }

    /// Deletes a point and its inspections.
    public func deletePoint(id: String) async throws {
        let id = id.trimmed
        try await core.store.pool.write { db in
            guard try LandingPointStore.deletePoint(id: id, db) else { throw RecordServiceError.notFound("no landing point \"\(id)\" on this node") }
        }
    }

    /// A page of the points in a region subtree, by region code then id.
    public func points(_ query: LandingQuery) async throws -> RecordPage<LandingPoint> {
        let (range, cursor) = try validating { (try scope.subtree(query.regionCode), try RegionCursor(parsing: query.cursor)) }
        guard query.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(query.limit) is over 1000") }
        let limit = query.limit == 0 ? 100 : Int(query.limit)
        var inspectedBefore: CivilDay?
        if query.inspectionDueOnly {
            let asOf = query.asOf ?? core.today()
            guard (1900...9999).contains(asOf.year) else { throw RecordServiceError.invalidArgument("as of \(asOf) is not in the years 1900…9999") }
            inspectedBefore = inspectionDueBefore(asOf)
        }
        return try await core.store.pool.read { [inspectedBefore] db in
            try LandingPointStore.points(in: range, after: cursor, kinds: query.kinds, statuses: query.statuses,
                                         nonCompliantOnly: query.nonCompliantOnly, inspectedBefore: inspectedBefore, limit: limit, db)
        }
    }

    /// Points last inspected before this day (or never) are due on `day`.
    func inspectionDueBefore(_ day: CivilDay) -> CivilDay { day.adding(months: -configuration.inspectionIntervalMonths) }

    // MARK: Inspections

    /// Records an inspection: the point takes its resulting status, and its day when it is the latest.
    public func recordInspection(_ inspection: Inspection) async throws -> Inspection {
        var inspection = inspection
        let today = self.core.today()
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
        return try await core.store.pool.write { [inspection] db in
            var inspection = inspection
            guard let point = try LandingPointStore.point(id: inspection.pointID, db) else {
                throw RecordServiceError.notFound("no landing point \"\(inspection.pointID)\" on this node")
            }
            inspection.sequence = try LandingPointStore.insert(inspection, of: point, db)
            return inspection
        }
    }

    /// A point's inspections, newest first.
    public func inspections(pointID: String) async throws -> [Inspection] {
        let pointID = pointID.trimmed
        return try await core.store.pool.read { db in
            guard try LandingPointStore.point(id: pointID, db) != nil else { throw RecordServiceError.notFound("no landing point \"\(pointID)\" on this node") }
            return try LandingPointStore.inspections(pointID: pointID, db)
        }
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await core.store.pool.read { db in try LandingPointStore.counts(db) }
    }

    /// Rows of the R*Tree that differ from their point, and points missing from it (empty when the
    /// index is consistent, as it must be).
    public func spatialIndexDisagreements() async throws -> [String] {
        try await core.store.pool.read { db in try LandingPointStore.spatialIndexDisagreements(db) }
    }

    /// Derives every point's compliance again when the rules changed since it was stored.
    private func rederiveComplianceIfRulesChanged() throws {
        try core.store.pool.write { db in try LandingPointStore.rederiveComplianceIfRulesChanged(db) }
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
        let thisYear = core.today().year
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
