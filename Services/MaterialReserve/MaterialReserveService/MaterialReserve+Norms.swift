import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Reserve norms (per tier and risk level) and the region profiles they are counted against.
extension MaterialReserve {
    /// The largest norm quantity and profile count: beyond it is a typo, and sums stay inside Int64.
    static let maximumNormFigure: Int64 = 1_000_000

    /// Adds, replaces or (with quantity 0) removes a reserve norm.
    public func putNorm(_ norm: ReserveNorm) async throws {
        var norm = norm
        try validating {
            guard (1...4).contains(norm.tier) else { throw InvalidRecord("tier \(norm.tier) is not 1…4 (province … township)") }
            norm.itemCode = try CatalogueCode.validateItem(norm.itemCode)
            guard (0...Self.maximumNormFigure).contains(norm.quantity) else {
                throw InvalidRecord("quantity \(norm.quantity) is not 0…\(Self.maximumNormFigure) (0 removes the norm)")
            }
        }
        try await store.pool.write { [norm] db in
            if norm.quantity == 0 {
                try db.execute(sql: "DELETE FROM reserve_norm WHERE tier = ? AND risk = ? AND item_code = ? AND basis = ?",
                               arguments: [norm.tier, norm.riskLevel.rawValue, norm.itemCode, norm.basis.rawValue])
                return
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM catalogue_item WHERE code = ?", arguments: [norm.itemCode]) != nil else {
                throw RecordServiceError.invalidArgument("item \(norm.itemCode) is not in the catalogue")
            }
            try db.execute(sql: """
                INSERT INTO reserve_norm (tier, risk, item_code, basis, quantity) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tier, risk, item_code, basis) DO UPDATE SET quantity = excluded.quantity
                """, arguments: [norm.tier, norm.riskLevel.rawValue, norm.itemCode, norm.basis.rawValue, norm.quantity])
        }
    }

    /// Every norm, by tier, risk level, item and basis.
    public func norms() async throws -> [ReserveNorm] {
        try await store.pool.read { db in try Self.norms(itemPrefix: "", db) }
    }

    static func norms(itemPrefix: String, _ db: Database) throws -> [ReserveNorm] {
        try Row.fetchAll(db, sql: """
            SELECT tier, risk, item_code, basis, quantity FROM reserve_norm WHERE item_code >= ? AND item_code < ?
            ORDER BY tier, risk, item_code, basis
            """, arguments: [itemPrefix, itemPrefix + ":"]).compactMap { row in
            guard let risk = RiskLevel(rawValue: row[1]), let basis = NormBasis(rawValue: row[3]) else { return nil }
            return ReserveNorm(tier: row[0], riskLevel: risk, itemCode: row[2], basis: basis, quantity: row[4])
        }
    }

    /// Records a region's risk level and counts. The region is in the node's subtree, or above it (a
    /// township node may record its county's risk level).
    public func putProfile(_ profile: RegionProfile) async throws {
        let profile = try validating { try Self.validated(profile, tree: tree, node: region) }
        _ = try await store.pool.write { db in try Self.save(profile, db) }
    }

    /// A region's recorded profile.
    public func profile(regionCode: String) async throws -> RegionProfile {
        let code = try validating { try tree.region(regionCode).code }
        guard let profile = try await store.pool.read({ db in try Self.profile(code, db) }) else {
            throw RecordServiceError.notFound("no profile recorded for region \(regionCode)")
        }
        return profile
    }

    static func validated(_ profile: RegionProfile, tree: RegionTree, node: Region) throws -> RegionProfile {
        var profile = profile
        let region = try tree.region(profile.regionCode)
        guard RegionRange(subtreeOf: node).contains(region.code) || tree.isInSubtree(node.code, of: region.code) else {
            throw InvalidRecord("region: \(region) is neither in this node's region \(node) nor above it")
        }
        profile.regionCode = region.code
        for (name, value) in [("responsible persons", profile.responsiblePersons), ("disaster-prone villages", profile.disasterProneVillages)] {
            guard (0...maximumNormFigure).contains(value) else { throw InvalidRecord("\(name): \(value) is not 0…\(maximumNormFigure)") }
        }
        return profile
    }

    /// Inserts or replaces a profile; says whether anything changed.
    @discardableResult
    static func save(_ profile: RegionProfile, _ db: Database) throws -> WriteOutcome {
        let existed = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM region_profile WHERE region = ?"), arguments: [profile.regionCode]) != nil
        try db.cachedStatement(sql: """
            INSERT INTO region_profile (region, risk, responsible_persons, disaster_prone_villages) VALUES (?, ?, ?, ?)
            ON CONFLICT (region) DO UPDATE SET risk = excluded.risk, responsible_persons = excluded.responsible_persons,
                disaster_prone_villages = excluded.disaster_prone_villages
            WHERE (region_profile.risk, region_profile.responsible_persons, region_profile.disaster_prone_villages)
               IS NOT (excluded.risk, excluded.responsible_persons, excluded.disaster_prone_villages)
            """).execute(arguments: [profile.regionCode, profile.riskLevel?.rawValue ?? 0, profile.responsiblePersons, profile.disasterProneVillages])
        return db.changesCount == 0 ? .unchanged : existed ? .updated : .inserted
    }

    /// One region's recorded profile.
    static func profile(_ code: String, _ db: Database) throws -> RegionProfile? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT region, risk, responsible_persons, disaster_prone_villages FROM region_profile WHERE region = ?
            """), arguments: [code]).map { row in
            RegionProfile(regionCode: row[0], riskLevel: RiskLevel(rawValue: row[1]), responsiblePersons: row[2], disasterProneVillages: row[3])
        }
    }

    /// Every recorded profile, by region code.
    static func profiles(_ db: Database) throws -> [String: RegionProfile] {
        var profiles: [String: RegionProfile] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT region, risk, responsible_persons, disaster_prone_villages FROM region_profile") {
            profiles[row[0]] = RegionProfile(regionCode: row[0], riskLevel: RiskLevel(rawValue: row[1]),
                                             responsiblePersons: row[2], disasterProneVillages: row[3])
        }
        return profiles
    }
}
