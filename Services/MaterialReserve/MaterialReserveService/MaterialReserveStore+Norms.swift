import AnlanRecords
import GRDB
import MaterialReserveAPI

/// Reserve norms and region profiles: reads and writes inside a caller's transaction.
extension MaterialReserveStore {
    /// Inserts or replaces a validated norm (quantity above 0).
    static func save(_ norm: ReserveNorm, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO reserve_norm (tier, risk, item_code, basis, quantity) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tier, risk, item_code, basis) DO UPDATE SET quantity = excluded.quantity
            """, arguments: [norm.tier, norm.riskLevel.rawValue, norm.itemCode, norm.basis.rawValue, norm.quantity])
    }

    /// Removes the norm with `norm`'s tier, risk level, item and basis.
    static func deleteNorm(_ norm: ReserveNorm, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM reserve_norm WHERE tier = ? AND risk = ? AND item_code = ? AND basis = ?",
                       arguments: [norm.tier, norm.riskLevel.rawValue, norm.itemCode, norm.basis.rawValue])
    }

    /// The norms of items under a catalogue prefix ("" for all), by tier, risk level, item and basis.
    static func norms(itemPrefix: String, _ db: Database) throws -> [ReserveNorm] {
        try Row.fetchAll(db, sql: """
            SELECT tier, risk, item_code, basis, quantity FROM reserve_norm WHERE item_code >= ? AND item_code < ?
            ORDER BY tier, risk, item_code, basis
            """, arguments: [itemPrefix, itemPrefix + ":"]).compactMap { row in
            guard let risk = RiskLevel(rawValue: row[1]), let basis = NormBasis(rawValue: row[3]) else { return nil }
            return ReserveNorm(tier: row[0], riskLevel: risk, itemCode: row[2], basis: basis, quantity: row[4])
        }
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
