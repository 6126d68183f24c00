import AnlanRecords
import GRDB
import HazardSurveyAPI

/// Enterprises and their grade history: reads and writes inside a caller's transaction.
extension HazardSurveyStore {
    /// The region enterprise `id` is coded to, or nil when it is not on record.
    static func enterpriseRegion(id: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT region FROM enterprise WHERE id = ?"), arguments: [id])
    }

    static let enterpriseColumns = ["id", "name", "credit_code", "region", "sector", "major_source", "grade"]
    static let enterpriseSelect = "SELECT \(enterpriseColumns.joined(separator: ", ")) FROM enterprise"
    static let enterpriseUpsert = upsertSQL(table: "enterprise", columns: enterpriseColumns)

    static func enterprise(_ row: Row) -> Enterprise {
        Enterprise(id: row[0], name: row[1], creditCode: row[2], regionCode: row[3],
                   sector: IndustrySector(rawValue: row[4]) ?? .industryAndMining, majorHazardSource: row[5],
                   grade: RiskGrade(rawValue: row[6]) ?? .blue)
    }

    /// The enterprise with its grade history.
    static func enterprise(id: String, _ db: Database) throws -> Enterprise? {
        guard var enterprise = try Row.fetchOne(db.cachedStatement(sql: enterpriseSelect + " WHERE id = ?"), arguments: [id]).map(enterprise) else {
            return nil
        }
        enterprise.gradeHistory = try Row.fetchAll(db, sql: """
            SELECT grade, previous, day, actor, reason FROM enterprise_grade WHERE enterprise_id = ? ORDER BY seq
            """, arguments: [id]).map { row in
            GradeChange(grade: RiskGrade(rawValue: row[0]) ?? .blue, previous: (row[1] as UInt8?).flatMap(RiskGrade.init(rawValue:)),
                        changedOn: (row[2] as Int?).map(CivilDay.init(dayNumber:)), changedBy: row[3], reason: row[4])
        }
        return enterprise
    }

    /// Writes `enterprise` as given and, when its grade is new or changed, appends to its grade history.
    ///
    /// - Throws: `InvalidRecord` when the credit code belongs to another enterprise.
    @discardableResult
    static func upsert(_ enterprise: Enterprise, change: GradeChange, _ db: Database) throws -> WriteOutcome {
        let previous = try UInt8.fetchOne(db.cachedStatement(sql: "SELECT grade FROM enterprise WHERE id = ?"), arguments: [enterprise.id])
            .flatMap(RiskGrade.init(rawValue:))
        if let owner = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM enterprise WHERE credit_code = ? AND id != ?"),
                                           arguments: [enterprise.creditCode, enterprise.id]) {
            throw InvalidRecord("credit code \(enterprise.creditCode) already belongs to enterprise \(owner)")
        }
        try db.cachedStatement(sql: enterpriseUpsert).execute(arguments: [
            enterprise.id, enterprise.name, enterprise.creditCode, enterprise.regionCode,
            Int(enterprise.sector.rawValue), enterprise.majorHazardSource, Int(enterprise.grade.rawValue)])
        let changed = db.changesCount > 0
        if previous != enterprise.grade {
            try appendGrade(enterpriseID: enterprise.id, grade: enterprise.grade, previous: previous, change: change, db)
        }
        return previous == nil ? .inserted : changed ? .updated : .unchanged
    }

    static func appendGrade(enterpriseID: String, grade: RiskGrade, previous: RiskGrade?, change: GradeChange, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO enterprise_grade (enterprise_id, seq, grade, previous, day, actor, reason)
            VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM enterprise_grade WHERE enterprise_id = ?), ?, ?, ?, ?, ?)
            """).execute(arguments: [enterpriseID, enterpriseID, Int(grade.rawValue), previous.map { Int($0.rawValue) },
                             change.changedOn?.dayNumber, change.changedBy, change.reason])
    }

    static func regrade(id: String, to grade: RiskGrade, change: GradeChange, _ db: Database) throws -> Bool {
        guard let previous = try UInt8.fetchOne(db.cachedStatement(sql: "SELECT grade FROM enterprise WHERE id = ?"), arguments: [id])
            .flatMap(RiskGrade.init(rawValue:)) else { return false }
        guard previous != grade else { return true }
        try db.cachedStatement(sql: "UPDATE enterprise SET grade = ? WHERE id = ?").execute(arguments: [Int(grade.rawValue), id])
        try appendGrade(enterpriseID: id, grade: grade, previous: previous, change: change, db)
        return true
    }

    /// Deletes an enterprise; false if there is none.
    ///
    /// - Throws: `InvalidRecord` while hidden hazards still refer to it.
    static func deleteEnterprise(id: String, _ db: Database) throws -> Bool {
        let hazards = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM hidden_hazard WHERE enterprise_id = ?"), arguments: [id]) ?? 0
        guard hazards == 0 else {
            throw InvalidRecord("enterprise \(id) has \(hazards) hidden hazard\(hazards == 1 ? "" : "s") on record; they keep it")
        }
        try db.cachedStatement(sql: "DELETE FROM enterprise WHERE id = ?").execute(arguments: [id])
        return db.changesCount > 0
    }

    static func enterprises(in range: RegionRange, grades: [RiskGrade], sectors: [IndustrySector], majorOnly: Bool,
                            after cursor: RegionCursor?, limit: Int, _ db: Database) throws -> RecordPage<Enterprise> {
        var filter = ListFilter(range: range, cursor: cursor)
        filter.in("grade", grades.map { Int($0.rawValue) })
        filter.in("sector", sectors.map { Int($0.rawValue) })
        if majorOnly { filter.add("major_source = 1") }
        let rows = try Row.fetchAll(db, sql: enterpriseSelect + filter.sql(limit: limit), arguments: filter.arguments)
        return filter.page(rows.map(enterprise), limit: limit) { RegionCursor(region: $0.regionCode, id: $0.id) }
    }

    /// `INSERT … ON CONFLICT(id) DO UPDATE SET … WHERE <any column differs>`.
    static func upsertSQL(table: String, columns: [String]) -> String {
        let others = columns.dropFirst()
        return """
            INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT(id) DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE \(others.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))
            """
    }
}
