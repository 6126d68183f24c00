import AnlanRecords
import EmergencyResponseAPI
import GRDB

extension EmergencyResponseStore {
    static let teamColumns = """
        id, name, kind, specialties, headcount, equipment, latitude, longitude, region, commanding_node, readiness, contact, \
        phone, helicopter_class, deployed_to, deployment_key
        """

    static func save(_ team: RescueTeam, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO team (\(teamColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                team.id, team.name, team.kind.rawValue, specialtyMask(team.specialties), team.headcount, equipmentText(team.equipment),
                team.latitude, team.longitude, team.regionCode, team.commandingNode, team.readiness.rawValue, team.contact, team.phone,
                team.helicopterClass?.rawValue ?? 0, team.deployedTo, team.deploymentKey,
            ])
    }

    /// Saves a validated team, saying whether it was new, changed or already so. An existing team keeps
    /// its readiness and deployment (a put neither deploys nor releases); a new one cannot be deployed.
    static func write(_ team: RescueTeam, _ db: Database) throws -> WriteOutcome {
        for item in team.equipment where try !equipmentExists(code: item.code, db) {
            throw InvalidRecord("equipment: \(item.code) is not in the catalogue")
        }
        var incoming = team
        guard let existing = try self.team(id: team.id, db) else {
            guard team.readiness != .deployed else { throw InvalidRecord("readiness: a new team cannot be deployed (deployments set it)") }
            try save(team, db)
            return .inserted
        }
        incoming.readiness = existing.readiness
        incoming.deployedTo = existing.deployedTo
        incoming.deploymentKey = existing.deploymentKey
        if existing == incoming { return .unchanged }
        try save(incoming, db)
        return .updated
    }

    static func team(id: String, _ db: Database) throws -> RescueTeam? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(teamColumns) FROM team WHERE id = ?"), arguments: [id]).map(team(_:))
    }

    static func deleteTeam(id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM team WHERE id = ?", arguments: [id])
    }

    static func setReadiness(_ readiness: Readiness, of id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE team SET readiness = ? WHERE id = ?", arguments: [readiness.rawValue, id])
    }

    /// A subtree's teams by id, after `id`, of `kind` and `readiness` when given.
    static func teams(range: RegionRange, kind: TeamKind?, readiness: Readiness?, after id: String, limit: Int,
                      _ db: Database) throws -> [RescueTeam] {
        var sql = "SELECT \(teamColumns) FROM team WHERE region >= ? AND region < ? AND id > ?"
        var arguments: StatementArguments = [range.lower, range.upper, id]
        if let kind { sql += " AND kind = ?"; arguments += [kind.rawValue] }
        if let readiness { sql += " AND readiness = ?"; arguments += [readiness.rawValue] }
        sql += " ORDER BY id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(team(_:))
    }

    /// Teams on standby with any of `specialties`.
    static func standbyTeams(withAnyOf specialties: [Specialty], _ db: Database) throws -> [RescueTeam] {
        try Row.fetchAll(db, sql: "SELECT \(teamColumns) FROM team WHERE readiness = ? AND specialties & ? != 0",
                         arguments: [Readiness.standby.rawValue, specialtyMask(specialties)]).map(team(_:))
    }

    static func team(_ row: Row) -> RescueTeam {
        let helicopter: UInt8 = row[13]
        return RescueTeam(
            id: row[0], name: row[1], kind: TeamKind(rawValue: row[2]) ?? .professional, specialties: specialties(row[3]),
            headcount: row[4], equipment: equipment(row[5]), latitude: row[6], longitude: row[7], regionCode: row[8],
            commandingNode: row[9], readiness: Readiness(rawValue: row[10]) ?? .unavailable, contact: row[11], phone: row[12],
            helicopterClass: HelicopterClass(rawValue: helicopter), deployedTo: row[14], deploymentKey: row[15])
    }

    static func specialtyMask(_ specialties: [Specialty]) -> Int64 {
        specialties.reduce(0) { $0 | 1 << Int64($1.rawValue) }
    }

    static func specialties(_ mask: Int64) -> [Specialty] {
        Specialty.allCases.filter { mask & (1 << Int64($0.rawValue)) != 0 }
    }

    /// `code:count;code:count`, as in the CSV files.
    static func equipmentText(_ equipment: [EquipmentCount]) -> String {
        equipment.map { "\($0.code):\($0.count)" }.joined(separator: ";")
    }

    static func equipment(_ text: String) -> [EquipmentCount] {
        text.split(separator: ";").compactMap { item in
            guard let colon = item.lastIndex(of: ":"), let count = Int64(item[item.index(after: colon)...]) else { return nil }
            return EquipmentCount(code: String(item[..<colon]), count: count)
        }
    }
}
