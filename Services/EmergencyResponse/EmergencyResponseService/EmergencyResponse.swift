import AnlanNode
import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import Foundation
import GRDB
import Logging

/// 应急救援 for one node's region: the rescue teams it commands and their equipment, the incidents
/// in its subtree with their timelines, and the deployments that send its teams. Answers with
/// `RecordServiceError`s: `invalidArgument` for a bad record or request, `notFound`,
/// `failedPrecondition` for a step the record's state refuses, `alreadyExists` for a key reused.
public final class EmergencyResponse: Sendable {
    /// The node's region, store, statistics cache and logger.
    let core: RecordServiceCore<EmergencyResponseStore, ResponseStatisticsQuery, EmergencyStatistics>
    /// Now, in Unix milliseconds.
    let clock: @Sendable () -> Int64

    public var region: Region { core.region }
    var tree: RegionTree { core.tree }
    var scope: NodeScope { core.scope }
    var store: EmergencyResponseStore { core.store }

    public init(databasePath: String, regionCode: String, tree: RegionTree = .zhejiang, logger: Logger,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) throws {
        core = try RecordServiceCore(databasePath: databasePath, regionCode: regionCode, tree: tree, logger: logger, today: { .today })
        self.clock = clock
    }

    // MARK: Teams

    /// Adds or replaces a team this node commands and answers it as stored; an existing team keeps
    /// its readiness and deployment.
    @discardableResult
    public func putTeam(_ team: RescueTeam) async throws -> RescueTeam {
        let team = try validating { try validated(team) }
        return try await store.pool.write { db in
            _ = try validating { try EmergencyResponseStore.write(team, db) }
            return try EmergencyResponseStore.team(id: team.id, db)!
        }
    }

    public func team(id: String) async throws -> RescueTeam {
        let id = id.trimmed
        guard let team = try await store.pool.read({ db in try EmergencyResponseStore.team(id: id, db) }) else {
            throw RecordServiceError.notFound("no team \"\(id)\" on this node")
        }
        return team
    }

    /// Deletes a team that is not out on a deployment.
    public func deleteTeam(id: String) async throws {
        let id = id.trimmed
        try await store.pool.write { db in
            let team = try Self.existingTeam(id, db)
            guard team.readiness != .deployed else {
                throw RecordServiceError.failedPrecondition("team \(id) (\(team.name)) is deployed to \(team.deployedTo); release it first")
            }
            try EmergencyResponseStore.deleteTeam(id: id, db)
        }
    }

    /// A page of the teams based in a subtree, by id.
    public func teams(_ query: TeamQuery) async throws -> RecordPage<RescueTeam> {
        let range = try validating { try scope.subtree(query.regionCode) }
        let limit = try Self.pageSize(query.limit)
        let page = try await store.pool.read { db in
            try EmergencyResponseStore.teams(range: range, kind: query.kind, readiness: query.readiness, after: query.cursor,
                                             limit: limit + 1, db)
        }
        let records = Array(page.prefix(limit))
        return RecordPage(records: records, nextCursor: page.count > limit ? records.last?.id ?? "" : "")
    }

    /// Sets a team's readiness by hand: standby, resting or unavailable, never while it is deployed.
    @discardableResult
    public func setReadiness(_ change: ReadinessChange) async throws -> RescueTeam {
        let id = change.teamID.trimmed
        guard change.readiness != .deployed else {
            throw RecordServiceError.invalidArgument("readiness: deployed is set by a deployment, not by hand")
        }
        return try await store.pool.write { db in
            var team = try Self.existingTeam(id, db)
            guard team.readiness != .deployed else {
                throw RecordServiceError.failedPrecondition("team \(id) (\(team.name)) is deployed to \(team.deployedTo); release it first")
            }
            if team.readiness != change.readiness {
                team.readiness = change.readiness
                try EmergencyResponseStore.setReadiness(change.readiness, of: id, db)
            }
            return team
        }
    }

    static func existingTeam(_ id: String, _ db: Database) throws -> RescueTeam {
        guard let team = try EmergencyResponseStore.team(id: id, db) else { throw RecordServiceError.notFound("no team \"\(id)\" on this node") }
        return team
    }

    /// A team as this node stores it (its catalogue codes are checked when it is written).
    ///
    /// - Throws: `InvalidRecord`; `RecordServiceError.failedPrecondition` for a team another node commands.
    func validated(_ team: RescueTeam) throws -> RescueTeam {
        var team = team
        team.id = try team.id.required("id")
        team.name = try team.name.required("name")
        team.specialties = Array(Set(team.specialties)).sorted { $0.rawValue < $1.rawValue }
        guard !team.specialties.isEmpty else { throw InvalidRecord("specialties: a team has at least one") }
        guard (1...10_000).contains(team.headcount) else { throw InvalidRecord("headcount \(team.headcount) is not 1…10,000") }
        _ = try Self.point(team.latitude, team.longitude)
        team.regionCode = try scope.recordRegion(team.regionCode).code
        var codes: Set<String> = []
        team.equipment = try team.equipment.map { item in
            let code = try item.code.required("equipment code")
            guard codes.insert(code).inserted else { throw InvalidRecord("equipment: \(code) is listed twice") }
            guard item.count >= 0 else { throw InvalidRecord("equipment: \(code) count \(item.count) is negative") }
            return EquipmentCount(code: code, count: item.count)
        }.sorted { $0.code < $1.code }
        if team.kind == .aviation {
            guard team.helicopterClass != nil else { throw InvalidRecord("helicopter class: an aviation team needs one (light, medium or heavy)") }
        } else if let helicopter = team.helicopterClass {
            throw InvalidRecord("helicopter class: a \(team.kind.name) team has none, got \(helicopter.name)")
        }
        let commanding = team.commandingNode.trimmed
        guard commanding.isEmpty || commanding == region.code else {
            throw RecordServiceError.failedPrecondition("team \(team.id) is commanded by \(commanding); change it there")
        }
        team.commandingNode = region.code
        team.contact = team.contact.trimmed
        team.phone = team.phone.trimmed
        team.deployedTo = ""
        team.deploymentKey = ""
        return team
    }

    // MARK: Equipment

    /// Adds or replaces a kind of equipment in the catalogue.
    @discardableResult
    public func putEquipment(_ item: EquipmentItem) async throws -> EquipmentItem {
        let item = try validating { try validated(item) }
        try await store.pool.write { db in _ = try EmergencyResponseStore.write(item, db) }
        return item
    }

    /// The whole catalogue, by code.
    public func equipment() async throws -> [EquipmentItem] {
        try await store.pool.read { db in try EmergencyResponseStore.catalogue(db) }
    }

    func validated(_ item: EquipmentItem) throws(InvalidRecord) -> EquipmentItem {
        var item = item
        item.code = try item.code.required("code")
        guard !item.code.contains(where: { $0 == ":" || $0 == ";" || $0 == "," || $0 == " " }) else {
            throw InvalidRecord("code \"\(item.code)\": may not contain spaces, commas, colons or semicolons")
        }
        item.name = try item.name.required("name")
        item.unit = item.unit.trimmed
        return item
    }

    // MARK: Shared checks

    /// A point on the earth, or why not.
    static func point(_ latitude: Double, _ longitude: Double) throws(InvalidRecord) -> GeoCoordinate {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw InvalidRecord("latitude/longitude \(latitude), \(longitude) are not on the earth")
        }
        return GeoCoordinate(uncheckedLatitude: latitude, longitude: longitude)
    }

    /// A list's page size: 1…1000, 0 meaning 100.
    static func pageSize(_ limit: UInt32) throws -> Int {
        guard limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(limit) is over 1000") }
        return limit == 0 ? 100 : Int(limit)
    }

    /// What `node.info` shows.
    public func counts() async throws -> [(String, Int64)] {
        try await store.pool.read { db in try EmergencyResponseStore.counts(db) }
    }
}
