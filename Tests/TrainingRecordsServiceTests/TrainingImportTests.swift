import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import Testing
import TrainingRecordsAPI
import TrainingRecordsService

/// CSV import of people and attendance: bad rows reported with line and reason, good rows kept,
/// importing again changes nothing; ID numbers never leave the node whole.
@Suite struct TrainingImportTests {
    @Test func peopleAndAttendanceWithBadRows() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["S": "2026-03-01"])
            let a = TrainingFixture.nationalID(901), b = TrainingFixture.nationalID(902)
            let people = """
                id,name,national_id,role,region,village,employer,high_risk,joined_on
                P1,王伟,\(a),cadre,330106002000,,西湖区应急管理局,no,2024-05-01
                P2,李娜,\(b),information-officer-a,330106002000,北山村,,,2023-01-01
                P3,张三,110105194912310021,cadre,330106002000,,,,2024-05-01
                P4,李四,\(TrainingFixture.nationalID(903)),pilot,330106002000,,,,2024-05-01
                P5,赵六,\(TrainingFixture.nationalID(904)),cadre,330212003000,,,,2024-05-01
                P1,重复,\(TrainingFixture.nationalID(905)),cadre,330106002000,,,,2024-05-01
                P6,钱七,\(a),cadre,330106002000,,,,2024-05-01
                P7,孙八,\(TrainingFixture.nationalID(906)),cadre,330106,北山村,,,2024-05-01
                P8,周九,\(TrainingFixture.nationalID(907)),cadre,330106002000,,,maybe,2024-05-01
                """
            let report = try await fixture.records.importCSV(.people, bytes: Array(people.utf8), source: "people.csv")
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [4, 5, 6, 7, 8, 9, 10])
            for (n, words) in ["check character", "unknown role \"pilot\"", "outside this node's region", "already appears on line 2",
                               "already recorded for another person", "carries their township's code", "high_risk"].enumerated() {
                #expect(report.rejected[n].reason.contains(words), "\(report.rejected[n].reason)")
            }
            #expect(!report.rejected.contains { $0.reason.contains("110105194912310021") }, "errors do not repeat ID numbers")
            #expect(try await fixture.records.importCSV(.people, bytes: Array(people.utf8), source: "people.csv").unchanged == 2)
            #expect(try await fixture.records.person(id: "P1").nationalID == NationalID.masked(a))
            #expect(try await fixture.records.unmaskedPerson(id: "P1").nationalID == a)

            let attendance = """
                person_id,session_id,hours,score
                P1,S,8,90
                P2,S,,70
                P9,S,8,90
                P1,NOPE,8,90
                P2,S,8,70
                P1,S,600,90
                P1,S,8,101
                """
            let second = try await fixture.records.importCSV(.attendance, bytes: Array(attendance.utf8), source: "attendance.csv")
            #expect(second.inserted == 2)
            #expect(second.rejected.map(\.line) == [4, 5, 6, 7, 8])
            for (n, words) in ["no person \"P9\"", "no session \"NOPE\"", "already appears on line 3", "already appears on line 2", "already appears on line 2"]
                .enumerated() {
                #expect(second.rejected[n].reason.contains(words), "\(second.rejected[n].reason)")
            }
            #expect(try await fixture.records.importCSV(.attendance, bytes: Array(attendance.utf8), source: "attendance.csv").unchanged == 2)
            let coverage = try await fixture.records.coverage(CoverageRequest(role: .informationOfficerA, year: 2026))
            #expect(coverage.lines.first { $0.village }?.trained == 1, "P2 attended the whole session (500 h) and passed")

            // A refused row does not make a corrected one a repeat; an empty score is refused.
            let corrected = """
                person_id,session_id,hours,score
                P1,S,9,150
                P1,S,9,95
                P2,S,8,
                """
            let fixed = try await fixture.records.importCSV(.attendance, bytes: Array(corrected.utf8), source: "corrected.csv")
            #expect(fixed.updated == 1 && fixed.rejected.map(\.line) == [2, 4], "\(fixed.rejected)")
            #expect(fixed.rejected.last?.reason.contains("score is required") == true)
            // A session's hours cannot drop below what was attended.
            do {
                try await fixture.records.putSession(TrainingSession(id: "S", courseCode: "C", startsOn: CivilDay("2026-02-28"),
                                                                     endsOn: CivilDay("2026-03-01"), hours: 5))
                Issue.record("a session's hours dropped below its attendance")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition)
            }

            // Bulk over the API: positions as lines; hours beyond the session and scores beyond 100 refused.
            let bulk = try await fixture.records.recordAttendances(AttendanceBatch(attendances: [
                Attendance(personID: "P1", sessionID: "S", hours: 600, score: 90),
                Attendance(personID: "P1", sessionID: "S", hours: 8, score: 101),
                Attendance(personID: "P1", sessionID: "S", hours: 10, score: 90),
            ]))
            #expect(bulk.rejected.map(\.line) == [1, 2] && bulk.updated == 1)
            #expect(!report.rejected.contains { $0.reason.contains("P1") && $0.reason.contains("national ID") }, "the holder is not named")
            #expect(bulk.rejected[0].reason.contains("the session's hours") && bulk.rejected[1].reason.contains("score 101"))
        }
    }

    /// 龙港市 (330383) has no townships: its village-level people carry the county's code; 西湖区's may not.
    @Test func aCountyWithoutTownshipsHoldsItsVillagers() async throws {
        try await withTemporaryDirectory { dir in
            let longgang = try TrainingFixture(dir, region: "330383")
            let person = try await longgang.person("LG-1", .informationOfficerA, region: "330383", village: "龙港第1社区")
            #expect(person.regionCode == "330383" && person.village == "龙港第1社区")
            let xihu = try TrainingFixture(dir, region: "330106")
            await #expect(throws: RecordServiceError.self) { try await xihu.person("XH-1", .informationOfficerA, region: "330106", village: "北山村") }
        }
    }

    @Test func certificatesTakeTheirCourseTermsAndComeDueInOrder() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.records.putCourse(Course(code: "SO", name: "特种作业", hours: 40, passMark: 60, grantsCertificate: true,
                                                       certificateKind: "special-operations", validityMonths: 72, reviewMonths: 36,
                                                       roles: [.specialOperationsWorker]))
            try await fixture.person("W1", .specialOperationsWorker)
            try await fixture.person("W2", .specialOperationsWorker)
            let first = try await fixture.records.putCertificate(Certificate(personID: "W1", kind: "special-operations", number: "T1",
                                                                             issuedOn: CivilDay("2023-12-10")))
            #expect(first.expiresOn == CivilDay("2029-12-10") && first.reviewDueOn == CivilDay("2026-12-10"), "6 years, reviewed at 3")
            _ = try await fixture.records.putCertificate(Certificate(personID: "W2", kind: "first-aid", number: "F1", issuedOn: CivilDay("2024-01-01"),
                                                                     expiresOn: CivilDay("2026-12-01")))
            let within30 = try await fixture.records.expiringCertificates(ExpiringRequest(withinDays: 30))
            #expect(within30.certificates.map(\.certificate.number) == ["F1", "T1"])
            #expect(within30.certificates.map(\.daysLeft) == [7, 16])
            #expect(within30.certificates.map(\.review) == [false, true])
            #expect(try await fixture.records.expiringCertificates(ExpiringRequest(withinDays: 7)).certificates.map(\.certificate.number) == ["F1"])
        }
    }
}
