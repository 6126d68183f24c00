import AnlanRecords
import AnlanRegions
import GRDB
import TrainingRecordsAPI

/// A person's compliance, coverage against targets, the mergeable statistics, and certificates.
extension TrainingRecords {
    /// The rules binding a person in a year, each with the hours it sees and what is missing.
    public func compliance(_ request: ComplianceRequest) async throws -> PersonCompliance {
        let year = try validating { try coverageYear(request.year) }
        let floodSeason = self.floodSeason
        let id = request.personID.trimmed
        return try await store.pool.read { db in
            var deriver = try TrainingDeriver(db, floodSeason: floodSeason)
            guard let facts = try deriver.facts(personID: id) else { throw RecordServiceError.notFound("no person \"\(id)\" on this node") }
            let training = try deriver.training(personID: id, facts: facts)
            let results = training.results(in: year)
            return PersonCompliance(personID: id, year: UInt32(year), results: results, compliant: results.allSatisfy(\.met))
        }
    }

    /// People of a role (or of every role) in a region subtree trained in a year against the target:
    /// one line per target line (information officers: village level apart).
    public func coverage(_ request: CoverageRequest) async throws -> CoverageReport {
        let (root, year) = try validating { (try scope.region(request.regionCode), try coverageYear(request.year)) }
        let roles = request.role.map { [$0] } ?? PersonRole.allCases
        return try await store.pool.read { db in
            CoverageReport(regionCode: root.code, year: UInt32(year),
                           lines: try Self.coverageLines(roles: roles, range: RegionRange(subtreeOf: root), year: year, db))
        }
    }

    /// Counts for roll-up: every role's coverage line and every rule's applicable and met counts.
    public func statistics(_ request: CoverageRequest) async throws -> TrainingStatistics {
        let today = self.today()
        return try await statisticsCache.value(for: DayKey(request, on: today)) { try await countStatistics(request, today: today) }
    }

    /// `statistics` counted now, never a kept answer: what the benchmarks time.
    public func countStatistics(_ request: CoverageRequest, today: CivilDay) async throws -> TrainingStatistics {
        let (root, year) = try validating { (try scope.region(request.regionCode), try coverageYear(request.year)) }
        return try await store.pool.read { db in
            let range = RegionRange(subtreeOf: root)
            let bit = year - TrainingRules.years.lowerBound
            let firstDay = CivilDay(year: year, month: 1, day: 1)!.dayNumber
            let lastDay = CivilDay(year: year, month: 12, day: 31)!.dayNumber
            var rules: [RuleCount] = []
            for rule in TrainingRules.hourRules where !request.coverageOnly {
                let risk = rule.highRisk.map { " AND high_risk = \($0 ? 1 : 0)" } ?? ""
                let sql = rule.window == .annual
                    ? "SELECT COUNT(*), COALESCE(SUM((annual_mask >> \(bit)) & 1), 0) FROM person INDEXED BY person_by_role WHERE role = ? AND region >= ? AND region < ?\(risk) AND joined <= \(firstDay)"
                    : "SELECT COUNT(*), COALESCE(SUM(initial_met), 0) FROM person INDEXED BY person_by_role WHERE role = ? AND region >= ? AND region < ?\(risk) AND joined <= \(lastDay)"
                var count = RuleCount(ruleID: rule.id)
                for role in rule.roles {
                    let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [role.rawValue, range.lower, range.upper])!
                    count.applicable += row[0] as Int64
                    count.met += row[1] as Int64
                }
                rules.append(count)
            }
            return TrainingStatistics(regionCode: root.code, asOf: today, year: UInt32(year),
                                      coverage: try Self.coverageLines(roles: PersonRole.allCases, range: range, year: year, db), rules: rules)
        }
    }

    /// One line per target line of each role. A county or more is read from the tallies; a
    /// township's people are counted one by one.
    static func coverageLines(roles: [PersonRole], range: RegionRange, year: Int, _ db: Database) throws -> [CoverageLine] {
        let bit = year - TrainingRules.years.lowerBound
        let fromTallies = range.lower.count <= 6
        var lines: [CoverageLine] = []
        for role in roles {
            var counts: [Bool: (people: Int64, trained: Int64)] = [:]
            if fromTallies {
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village, SUM(people) FROM people_tally WHERE role = ? AND division >= ? AND division < ? GROUP BY village
                    """), arguments: [role.rawValue, range.lower, range.upper]) {
                    counts[row[0], default: (0, 0)].people = row[1]
                }
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village, SUM(trained) FROM trained_tally WHERE role = ? AND year = ? AND division >= ? AND division < ? GROUP BY village
                    """), arguments: [role.rawValue, year, range.lower, range.upper]) {
                    counts[row[0], default: (0, 0)].trained = row[1]
                }
            } else {
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT village != '', COUNT(*), COALESCE(SUM((trained_mask >> ?) & 1), 0) FROM person INDEXED BY person_by_role
                    WHERE role = ? AND region >= ? AND region < ? GROUP BY 1
                    """), arguments: [bit, role.rawValue, range.lower, range.upper]) {
                    counts[row[0]] = (row[1], row[2])
                }
            }
            let levels: [Bool?] = TrainingRules.coverageTargets.contains { $0.role == role && $0.village != nil } ? [false, true] : [nil]
            for level in levels {
                let target = TrainingRules.target(for: role, village: level ?? false)
                let people = level.map { counts[$0]?.people ?? 0 } ?? (counts[false]?.people ?? 0) + (counts[true]?.people ?? 0)
                let trained = level.map { counts[$0]?.trained ?? 0 } ?? (counts[false]?.trained ?? 0) + (counts[true]?.trained ?? 0)
                lines.append(CoverageLine(role: role, village: level ?? false, trained: trained, people: people, targetPercent: target.percent,
                                          met: Double(trained) * 100 >= target.percent * Double(people), counts: target.source))
            }
        }
        return lines
    }

    /// Tally rows that differ from a count of the people themselves (empty when they agree, as they must).
    public func tallyDisagreements(year: Int) async throws -> [String] {
        let bit = year - TrainingRules.years.lowerBound
        return try await store.pool.read { db in
            try String.fetchAll(db, sql: """
                WITH direct AS (
                    SELECT role, substr(region, 1, 6) AS division, village != '' AS village, COUNT(*) AS people,
                           SUM((trained_mask >> \(bit)) & 1) AS trained
                    FROM person GROUP BY 1, 2, 3
                ), tallied AS (
                    SELECT p.role, p.division, p.village, p.people, COALESCE(t.trained, 0) AS trained FROM people_tally p
                    LEFT JOIN trained_tally t ON t.role = p.role AND t.division = p.division AND t.village = p.village AND t.year = \(year)
                    WHERE p.people != 0
                )
                SELECT 'direct ' || d.role || ' ' || d.division || ' ' || d.village || ': ' || d.people || '/' || d.trained
                       || ', tallied ' || COALESCE(t.people, 0) || '/' || COALESCE(t.trained, 0)
                FROM direct d LEFT JOIN tallied t USING (role, division, village)
                WHERE COALESCE(t.people, 0) != d.people OR COALESCE(t.trained, 0) != d.trained
                UNION ALL
                SELECT 'tallied only ' || t.role || ' ' || t.division FROM tallied t
                WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.role = t.role AND d.division = t.division AND d.village = t.village)
                """)
        }
    }

    func coverageYear(_ asked: UInt32) throws -> Int {
        let year = asked == 0 ? today().year : Int(asked)
        guard TrainingRules.years.contains(year) else {
            throw InvalidRecord("year \(year) is outside \(TrainingRules.years.lowerBound)…\(TrainingRules.years.upperBound)")
        }
        return year
    }

    // MARK: Certificates

    /// Adds or replaces a certificate. Absent expiry and review days come from the course granting
    /// that kind (e.g. special operations: 72 and 36 months).
    public func putCertificate(_ certificate: Certificate) async throws -> Certificate {
        var certificate = certificate
        try validating {
            certificate.personID = try certificate.personID.required("person id")
            certificate.kind = try certificate.kind.required("kind")
            certificate.number = try certificate.number.required("number")
            guard let issued = certificate.issuedOn else { throw InvalidRecord("issued on: the day is required") }
            if let expires = certificate.expiresOn, expires < issued { throw InvalidRecord("expires on \(expires) is before issue (\(issued))") }
            if let review = certificate.reviewDueOn, review < issued { throw InvalidRecord("review due \(review) is before issue (\(issued))") }
        }
        return try await store.pool.write { [certificate] db in
            var certificate = certificate
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [certificate.personID]) != nil else {
                throw RecordServiceError.notFound("no person \"\(certificate.personID)\" on this node")
            }
            if let course = try Row.fetchOne(db, sql: """
                SELECT validity_months, review_months FROM course WHERE grants_certificate = 1 AND certificate_kind = ? ORDER BY code LIMIT 1
                """, arguments: [certificate.kind]) {
                let validity: Int = course[0], review: Int = course[1]
                if certificate.expiresOn == nil, validity > 0 { certificate.expiresOn = certificate.issuedOn!.adding(months: validity) }
                if certificate.reviewDueOn == nil, review > 0 { certificate.reviewDueOn = certificate.issuedOn!.adding(months: review) }
            }
            let due = [certificate.expiresOn, certificate.reviewDueOn].compactMap { $0 }.min()
            try db.execute(sql: """
                INSERT INTO certificate (person_id, kind, number, issued, expires, review_due, due) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id, kind, number) DO UPDATE SET issued = excluded.issued, expires = excluded.expires,
                    review_due = excluded.review_due, due = excluded.due
                """, arguments: [certificate.personID, certificate.kind, certificate.number, certificate.issuedOn!.dayNumber,
                                 certificate.expiresOn?.dayNumber, certificate.reviewDueOn?.dayNumber, due?.dayNumber])
            return certificate
        }
    }

    /// Certificates in a region subtree expiring or due for review within `withinDays` (default 90),
    /// soonest first; those already past are included.
    public func expiringCertificates(_ request: ExpiringRequest) async throws -> ExpiringReport {
        let (range, asOf) = try validating { () throws -> (RegionRange, CivilDay) in
            guard request.withinDays <= 3650 else { throw InvalidRecord("within \(request.withinDays) days is over 3,650") }
            if let asOf = request.asOf, !(1900...9000).contains(asOf.year) { throw InvalidRecord("as of \(asOf) is not in the years 1900…9000") }
            return (try scope.subtree(request.regionCode), request.asOf ?? today())
        }
        let through = asOf.adding(days: request.withinDays == 0 ? 90 : Int(request.withinDays))
        return try await store.pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.person_id, c.kind, c.number, c.issued, c.expires, c.review_due, c.due, p.name, p.region
                FROM certificate c JOIN person p ON p.id = c.person_id
                WHERE c.due <= ? AND p.region >= ? AND p.region < ? ORDER BY c.due, c.person_id LIMIT 10000
                """, arguments: [through.dayNumber, range.lower, range.upper])
            return ExpiringReport(asOf: asOf, through: through, certificates: rows.map { row in
                let expires: Int? = row[4], review: Int? = row[5]
                let due = CivilDay(dayNumber: row[6])
                return ExpiringCertificate(
                    certificate: Certificate(personID: row[0], kind: row[1], number: row[2], issuedOn: CivilDay(dayNumber: row[3]),
                                             expiresOn: expires.map(CivilDay.init(dayNumber:)), reviewDueOn: review.map(CivilDay.init(dayNumber:))),
                    personName: row[7], regionCode: row[8], dueOn: due, daysLeft: Int64(asOf.days(until: due)),
                    review: review == due.dayNumber && expires != due.dayNumber)
            })
        }
    }
}
