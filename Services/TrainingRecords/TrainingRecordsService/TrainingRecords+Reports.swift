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
        return try await core.store.pool.read { db in
            var deriver = try TrainingStore.TrainingDeriver(db, floodSeason: floodSeason)
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
        return try await core.store.pool.read { db in
            CoverageReport(regionCode: root.code, year: UInt32(year),
                           lines: try TrainingStore.coverageLines(roles: roles, range: RegionRange(subtreeOf: root), year: year, db))
        }
    }

    /// Counts for roll-up: every role's coverage line and every rule's applicable and met counts.
    public func statistics(_ request: CoverageRequest) async throws -> TrainingStatistics {
        let today = self.core.today()
        return try await core.statistics(request, on: today) { try await countStatistics(request, today: today) }
    }

    /// `statistics` counted now, never a kept answer: what the benchmarks time.
    public func countStatistics(_ request: CoverageRequest, today: CivilDay) async throws -> TrainingStatistics {
        let (root, year) = try validating { (try scope.region(request.regionCode), try coverageYear(request.year)) }
        return try await core.store.pool.read { db in
            let range = RegionRange(subtreeOf: root)
            let rules = request.coverageOnly ? [] : try TrainingStore.ruleCounts(in: range, year: year, db)
            return TrainingStatistics(regionCode: root.code, asOf: today, year: UInt32(year),
                                      coverage: try TrainingStore.coverageLines(roles: PersonRole.allCases, range: range, year: year, db), rules: rules)
        }
    }

    /// Tally rows that differ from a count of the people themselves (empty when they agree, as they must).
    public func tallyDisagreements(year: Int) async throws -> [String] {
        try await core.store.pool.read { db in try TrainingStore.tallyDisagreements(year: year, db) }
    }

    func coverageYear(_ asked: UInt32) throws -> Int {
        let year = asked == 0 ? core.today().year : Int(asked)
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
        return try await core.store.pool.write { [certificate] db in
            var certificate = certificate
            guard try TrainingStore.personExists(id: certificate.personID, db) else {
                throw RecordServiceError.notFound("no person \"\(certificate.personID)\" on this node")
            }
            if let (validity, review) = try TrainingStore.certificateTerms(kind: certificate.kind, db) {
                if certificate.expiresOn == nil, validity > 0 { certificate.expiresOn = certificate.issuedOn!.adding(months: validity) }
                if certificate.reviewDueOn == nil, review > 0 { certificate.reviewDueOn = certificate.issuedOn!.adding(months: review) }
            }
            try TrainingStore.save(certificate, db)
            return certificate
        }
    }

    /// Certificates in a region subtree expiring or due for review within `withinDays` (default 90),
    /// soonest first; those already past are included.
    public func expiringCertificates(_ request: ExpiringRequest) async throws -> ExpiringReport {
        let (range, asOf) = try validating { () throws -> (RegionRange, CivilDay) in
            guard request.withinDays <= 3650 else { throw InvalidRecord("within \(request.withinDays) days is over 3,650") }
            if let asOf = request.asOf, !(1900...9000).contains(asOf.year) { throw InvalidRecord("as of \(asOf) is not in the years 1900…9000") }
            return (try scope.subtree(request.regionCode), request.asOf ?? core.today())
        }
        let through = asOf.adding(days: request.withinDays == 0 ? 90 : Int(request.withinDays))
        return try await core.store.pool.read { db in
            ExpiringReport(asOf: asOf, through: through,
                           certificates: try TrainingStore.certificates(in: range, dueThrough: through, asOf: asOf, db))
        }
    }
}
