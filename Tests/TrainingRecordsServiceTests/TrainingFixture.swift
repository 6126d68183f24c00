import Foundation
import AnlanRecords
import Logging
import TrainingRecordsAPI
import TrainingRecordsService

/// A node's training records on a fixed day, with helpers to add people and attendance.
struct TrainingFixture {
    static let today = CivilDay("2026-11-24")!
    let records: TrainingRecords

    init(_ dir: String, region: String = "330106") throws {
        var logger = Logger(label: "training-test")
        logger.logLevel = .critical
        records = try TrainingRecords(databasePath: dir + "/\(region).sqlite", regionCode: region, logger: logger, today: { Self.today })
    }

    /// A valid national ID number for serial `n`.
    static func nationalID(_ n: Int) -> String {
        let body = "3301061985" + String(format: "%02d", 1 + n / 28_000 % 12) + String(format: "%02d", 1 + n / 1000 % 28) + String(format: "%03d", n % 1000)
        return body + String(NationalID.checkCharacter(for: body)!)
    }

    private static let serial = Serial()
    /// Suites run in parallel: the counter is taken under a lock.
    final class Serial: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    @discardableResult
    func person(_ id: String, _ role: PersonRole, region: String = "330106002000", village: String = "", highRisk: Bool = false,
                joined: String = "2025-03-01") async throws -> Person {
        try await records.putPerson(Person(id: id, name: "人员\(id)", nationalID: Self.nationalID(Self.serial.next()),
                                           role: role, regionCode: region, village: village, highRiskSector: highRisk, joinedOn: CivilDay(joined)))
    }

    /// A course counting for every role (pass mark 60, 500 h) and sessions ending on the given days.
    func courseAndSessions(_ endings: [String: String]) async throws {
        try await records.putCourse(Course(code: "C", name: "综合应急培训", hours: 500, passMark: 60, roles: PersonRole.allCases))
        for (id, ends) in endings {
            try await records.putSession(TrainingSession(id: id, courseCode: "C", startsOn: CivilDay(ends)!.adding(days: -1), endsOn: CivilDay(ends)))
        }
    }

    func attend(_ person: String, _ session: String, hours: Double, score: Double = 80) async throws {
        _ = try await records.recordAttendance(Attendance(personID: person, sessionID: session, hours: hours, score: score))
    }
}
