import AnlanNode
import AnlanRecords
import AnlanRegions
import Foundation
import GRDB
import HazardSurveyAPI
import Logging

/// The hazard-survey service for one node's region: validates every record against the region tree
/// and the node's rules, and keeps it in SQLite. Methods answer with `RecordServiceError`s whose messages say
/// what was wrong (`invalidArgument`), missing (`notFound`), taken (`alreadyExists`) or not allowed
/// now (`failedPrecondition`, e.g. an invalid transition naming the current state).
public final class HazardSurvey: Sendable {
    /// The node's region (records must lie in its subtree), store, statistics cache, logger and clock.
    let core: RecordServiceCore<HazardSurveyStore, StatisticsRequest, HazardStatistics>
    public let configuration: HazardSurveyConfiguration
    let validator: HazardValidator

    public var region: Region { core.region }

    public init(databasePath: String, regionCode: String, configuration: HazardSurveyConfiguration = .defaults,
                tree: RegionTree = .zhejiang, logger: Logger) throws {
        self.core = try RecordServiceCore(databasePath: databasePath, regionCode: regionCode, tree: tree, logger: logger,
                                          today: configuration.today)
        self.configuration = configuration
        self.validator = HazardValidator(tree: tree, scope: core.region, configuration: configuration)
    }

    // MARK: Hazard points

    public func createPoint(_ point: HazardPoint) async throws -> HazardPoint {
        let point = try validating { try validator.point(point) }
        return try await write { db in
            if let existing = try HazardSurveyStore.point(id: point.id, db) {
                guard existing == point else { throw RecordServiceError.alreadyExists("hazard point \(point.id) already exists with other values; update it instead") }
                return existing
            }
            try HazardSurveyStore.write(point, db)
            return point
        }
    }

    public func updatePoint(_ point: HazardPoint) async throws -> HazardPoint {
        let point = try validating { try validator.point(point) }
        return try await write { db in
            guard try HazardSurveyStore.point(id: point.id, db) != nil else { throw Self.notFound("hazard point", point.id) }
            try HazardSurveyStore.write(point, db)
            return point
        }
    }

    public func point(id: String) async throws -> HazardPoint {
        try await read { db in
            guard let point = try HazardSurveyStore.point(id: id, db) else { throw Self.notFound("hazard point", id) }
            return point
        }
    }

    public func deletePoint(id: String) async throws {
        try await write { db in
            guard try HazardSurveyStore.deletePoint(id: id, db) else { throw Self.notFound("hazard point", id) }
        }
    }

    public func points(_ query: HazardQuery) async throws -> RecordPage<HazardPoint> {
        let (range, cursor, limit) = try validating {
            try reject(query, using: ["grades": !query.grades.isEmpty, "sectors": !query.sectors.isEmpty,
                                      "states": !query.states.isEmpty, "overdueOnly": query.overdueOnly,
                                      "majorOnly": query.majorOnly, "listedOnly": query.listedOnly,
                                      "enterpriseID": !query.enterpriseID.isEmpty, "asOf": query.asOf != nil],
                       list: "hazard points")
            for band in query.bands { _ = try validator.band(band) }
            return try page(query)
        }
        return try await read { db in
            try HazardSurveyStore.points(in: range, types: query.types, bands: query.bands, after: cursor, limit: limit, db)
        }
    }

    // MARK: Enterprises

    public func createEnterprise(_ enterprise: Enterprise) async throws -> Enterprise {
        let enterprise = try validating { try validator.enterprise(enterprise) }
        let today = configuration.today()
        return try await write { db in
            if var existing = try HazardSurveyStore.enterprise(id: enterprise.id, db) {
                let history = existing.gradeHistory
                existing.gradeHistory = []
                guard existing == enterprise else {
                    throw RecordServiceError.alreadyExists("enterprise \(enterprise.id) already exists with other values; update it instead")
                }
                existing.gradeHistory = history
                return existing
            }
            try HazardSurveyStore.upsert(enterprise, change: GradeChange(changedOn: today, changedBy: "create", reason: "first grade"), db)
            return try HazardSurveyStore.enterprise(id: enterprise.id, db)!
        }
    }

    public func updateEnterprise(_ enterprise: Enterprise) async throws -> Enterprise {
        let enterprise = try validating { try validator.enterprise(enterprise) }
        let today = configuration.today()
        return try await write { db in
            guard try HazardSurveyStore.enterprise(id: enterprise.id, db) != nil else { throw Self.notFound("enterprise", enterprise.id) }
            try HazardSurveyStore.upsert(enterprise, change: GradeChange(changedOn: today, changedBy: "update", reason: ""), db)
            return try HazardSurveyStore.enterprise(id: enterprise.id, db)!
        }
    }

    /// Changes an enterprise's grade, recording who and why.
    public func regrade(_ request: RegradeRequest) async throws -> Enterprise {
        let actor = try validating { try request.changedBy.required("changed by") }
        let day = request.changedOn ?? configuration.today()
        try validating { try validator.notInFuture(day, "change date") }
        return try await write { db in
            let change = GradeChange(changedOn: day, changedBy: actor, reason: request.reason)
            guard try HazardSurveyStore.regrade(id: request.id, to: request.grade, change: change, db) else {
                throw Self.notFound("enterprise", request.id)
            }
            return try HazardSurveyStore.enterprise(id: request.id, db)!
        }
    }

    public func enterprise(id: String) async throws -> Enterprise {
        try await read { db in
            guard let enterprise = try HazardSurveyStore.enterprise(id: id, db) else { throw Self.notFound("enterprise", id) }
            return enterprise
        }
    }

    public func deleteEnterprise(id: String) async throws {
        try await write { db in
            guard try HazardSurveyStore.deleteEnterprise(id: id, db) else { throw Self.notFound("enterprise", id) }
        }
    }

    public func enterprises(_ query: HazardQuery) async throws -> RecordPage<Enterprise> {
        let (range, cursor, limit) = try validating {
            try reject(query, using: ["types": !query.types.isEmpty, "bands": !query.bands.isEmpty,
                                      "states": !query.states.isEmpty, "overdueOnly": query.overdueOnly,
                                      "listedOnly": query.listedOnly, "enterpriseID": !query.enterpriseID.isEmpty,
                                      "asOf": query.asOf != nil],
                       list: "enterprises")
            return try page(query)
        }
        return try await read { db in
            try HazardSurveyStore.enterprises(in: range, grades: query.grades, sectors: query.sectors, majorOnly: query.majorOnly,
                                              after: cursor, limit: limit, db)
        }
    }

    // MARK: Hidden hazards

    public func createHidden(_ hazard: HiddenHazard) async throws -> HiddenHazard {
        let today = configuration.today()
        let recordedAt = milliseconds()
        return try await write { [validator, configuration] db in
            let hazard = try validator.hiddenHazard(try Self.withRegion(hazard, db))
            if let existing = try HazardSurveyStore.hidden(id: hazard.id, asOf: today, db) {
                guard Self.isRetry(of: existing, hazard) else {
                    throw RecordServiceError.alreadyExists("hidden hazard \(hazard.id) already exists with other values; update it instead")
                }
                return existing
            }
            _ = try HazardSurveyStore.upsert(hazard, configuration: configuration, recordedAt: recordedAt, db)
            return try HazardSurveyStore.hidden(id: hazard.id, asOf: today, db)!
        }
    }

    /// Changes a hidden hazard's descriptive fields; its state changes only through `transition`.
    public func updateHidden(_ hazard: HiddenHazard) async throws -> HiddenHazard {
        let today = configuration.today()
        let recordedAt = milliseconds()
        return try await write { [validator, configuration] db in
            let hazard = try validator.hiddenHazard(try Self.withRegion(hazard, db))
            guard try HazardSurveyStore.hiddenExists(id: hazard.id, db) else {
                throw Self.notFound("hidden hazard", hazard.id)
            }
            _ = try HazardSurveyStore.upsert(hazard, configuration: configuration, recordedAt: recordedAt, db)
            return try HazardSurveyStore.hidden(id: hazard.id, asOf: today, db)!
        }
    }

    public func hidden(id: String) async throws -> HiddenHazard {
        let today = configuration.today()
        return try await read { db in
            guard let hazard = try HazardSurveyStore.hidden(id: id, asOf: today, db) else { throw Self.notFound("hidden hazard", id) }
            return hazard
        }
    }

    /// Applies a transition; an invalid one is `failedPrecondition` naming the current state.
    public func transition(_ request: TransitionRequest) async throws -> HiddenHazard {
        let recordedAt = milliseconds()
        return try await write { [configuration] db in
            do {
                guard let hazard = try HazardSurveyStore.transition(request, configuration: configuration, recordedAt: recordedAt, db) else {
                    throw Self.notFound("hidden hazard", request.id)
                }
                return hazard
            } catch let error as InvalidRecord {
                throw RecordServiceError.failedPrecondition("hidden hazard \(request.id): \(error.message)")
            }
        }
    }

    public func hiddenHazards(_ query: HazardQuery) async throws -> RecordPage<HiddenHazard> {
        let today = query.asOf ?? configuration.today()
        let (range, cursor, limit) = try validating {
            try reject(query, using: ["types": !query.types.isEmpty, "bands": !query.bands.isEmpty,
                                      "grades": !query.grades.isEmpty, "sectors": !query.sectors.isEmpty],
                       list: "hidden hazards")
            return try page(query)
        }
        return try await read { db in
            try HazardSurveyStore.hiddenHazards(in: range, query: query, asOf: today, after: cursor, limit: limit, db)
        }
    }

    // MARK: Statistics

    /// The region's roll-up figures: its whole subtree, or with `exactRegion` only records coded to it.
    public func statistics(_ request: StatisticsRequest) async throws -> HazardStatistics {
        let day = request.asOf ?? configuration.today()
        return try await core.statistics(request, on: day) { try await countStatistics(request, day: day) }
    }

    /// `statistics` counted now, never a kept answer: what the benchmarks time.
    public func countStatistics(_ request: StatisticsRequest, day: CivilDay) async throws -> HazardStatistics {
        let (region, range) = try validating { try validator.subtree(request.regionCode) }
        let scope: HazardSurveyStore.StatisticsScope = request.exactRegion ? .exactly(region.code)
            : region.tier <= .city ? .counties(range) : .subtree(range)
        return try await read { db in try HazardSurveyStore.statistics(scope, regionCode: region.code, asOf: day, db) }
    }

    /// Record counts for `node.info`.
    public func counts() async throws -> [(String, Int64)] {
        try await read { db in try HazardSurveyStore.counts(db) }
    }

    // MARK: Helpers

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await core.store.pool.read { db in try validating { try body(db) } }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await core.store.pool.write { db in try validating { try body(db) } }
    }



    static func notFound(_ what: String, _ id: String) -> RecordServiceError { .notFound("no \(what) with id \"\(id)\" on this node") }

    func milliseconds() -> Int64 { Int64((configuration.now().timeIntervalSince1970 * 1000).rounded()) }

    /// Fills an empty region from the hazard's enterprise.
    static func withRegion(_ hazard: HiddenHazard, _ db: Database) throws(InvalidRecord) -> HiddenHazard {
        guard hazard.regionCode.isEmpty, !hazard.enterpriseID.isEmpty else { return hazard }
        var hazard = hazard
        guard let region = try? HazardSurveyStore.enterpriseRegion(id: hazard.enterpriseID, db) else { throw InvalidRecord("enterprise \(hazard.enterpriseID) is not on record here") }
        hazard.regionCode = region
        return hazard
    }

    /// Whether a create of `request` repeats the one that recorded `stored`: the same fields, with the
    /// supervising tier the hazard had at discovery (or has now) and the listing escalation may have added.
    static func isRetry(of stored: HiddenHazard, _ request: HiddenHazard) -> Bool {
        let discoveryTier = stored.history.first?.supervisingTier ?? stored.supervisingTier
        let escalated = stored.history.contains { $0.action == .escalate }
        return stored.regionCode == request.regionCode && stored.enterpriseID == request.enterpriseID
            && stored.location == request.location && stored.description == request.description
            && stored.category == request.category && stored.major == request.major
            && stored.discoveredOn == request.discoveredOn && stored.discoveredBy == request.discoveredBy
            && [discoveryTier, stored.supervisingTier].contains(request.supervisingTier)
            && (stored.listed == request.listed || (escalated && stored.listed))
    }

    /// Rejects filters that do not apply to a list.
    func reject(_ query: HazardQuery, using given: [String: Bool], list: String) throws(InvalidRecord) {
        let wrong = given.filter(\.value).map(\.key).sorted()
        guard wrong.isEmpty else { throw InvalidRecord("\(wrong.joined(separator: ", ")) do not apply to \(list)") }
    }

    /// The subtree, cursor and page size of a list query.
    func page(_ query: HazardQuery) throws(InvalidRecord) -> (RegionRange, RegionCursor?, Int) {
        let (_, range) = try validator.subtree(query.regionCode)
        guard query.limit <= 1000 else { throw InvalidRecord("limit \(query.limit) is over 1000") }
        return (range, try RegionCursor(parsing: query.cursor), query.limit == 0 ? 100 : Int(query.limit))
    }
}
