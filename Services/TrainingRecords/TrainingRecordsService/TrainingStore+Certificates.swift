import AnlanRecords
import GRDB
import TrainingRecordsAPI

/// Certificates: reads and writes inside a caller's transaction.
extension TrainingStore {
    /// The validity and review months of the first course (by code) granting a certificate of `kind`.
    static func certificateTerms(kind: String, _ db: Database) throws -> (validityMonths: Int, reviewMonths: Int)? {
        try Row.fetchOne(db, sql: """
            SELECT validity_months, review_months FROM course WHERE grants_certificate = 1 AND certificate_kind = ? ORDER BY code LIMIT 1
            """, arguments: [kind]).map { ($0[0], $0[1]) }
    }

    /// Inserts or replaces a certificate with its expiry and review days settled; its due day is the earlier.
    static func save(_ certificate: Certificate, _ db: Database) throws {
        let due = [certificate.expiresOn, certificate.reviewDueOn].compactMap { $0 }.min()
        try db.execute(sql: """
            INSERT INTO certificate (person_id, kind, number, issued, expires, review_due, due) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (person_id, kind, number) DO UPDATE SET issued = excluded.issued, expires = excluded.expires,
                review_due = excluded.review_due, due = excluded.due
            """, arguments: [certificate.personID, certificate.kind, certificate.number, certificate.issuedOn!.dayNumber,
                             certificate.expiresOn?.dayNumber, certificate.reviewDueOn?.dayNumber, due?.dayNumber])
    }

    /// Certificates of people in a subtree due (expiry or review) by `through`, soonest first, at most 10,000.
    static func certificates(in range: RegionRange, dueThrough through: CivilDay, asOf: CivilDay,
                             _ db: Database) throws -> [ExpiringCertificate] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.person_id, c.kind, c.number, c.issued, c.expires, c.review_due, c.due, p.name, p.region
            FROM certificate c JOIN person p ON p.id = c.person_id
            WHERE c.due <= ? AND p.region >= ? AND p.region < ? ORDER BY c.due, c.person_id LIMIT 10000
            """, arguments: [through.dayNumber, range.lower, range.upper])
        return rows.map { row in
            let expires: Int? = row[4], review: Int? = row[5]
            let due = CivilDay(dayNumber: row[6])
            return ExpiringCertificate(
                certificate: Certificate(personID: row[0], kind: row[1], number: row[2], issuedOn: CivilDay(dayNumber: row[3]),
                                         expiresOn: expires.map(CivilDay.init(dayNumber:)), reviewDueOn: review.map(CivilDay.init(dayNumber:))),
                personName: row[7], regionCode: row[8], dueOn: due, daysLeft: Int64(asOf.days(until: due)),
                review: review == due.dayNumber && expires != due.dayNumber)
        }
    }
}
