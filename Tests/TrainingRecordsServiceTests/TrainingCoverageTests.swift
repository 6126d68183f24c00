import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import Testing
import TrainingRecordsAPI
import TrainingRecordsService

/// Coverage against targets on a hand-checked case, and statistics that merge to the direct answer.
@Suite struct TrainingCoverageTests {
    /// 西湖区 in 2026:
    /// - cadres: 2 of 3 trained = 66.7 % < 70 %: not met;
    /// - information officers (A) at township level: 1 of 2 = 50 %: met; at village level 1 of 5 = 20 %: met;
    /// - flood-control responsible persons: 1 of 2 trained before 15 April (the other on 1 May): not met;
    /// - employees: 1 of 2 had 24 h before starting: 50 % of 100 %: not met;
    /// - the other roles have nobody: met.
    @Test func aCountyByHand() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["BEFORE": "2026-04-10", "AFTER": "2026-05-01", "OLD": "2025-01-10"])
            for n in 1...3 { try await fixture.person("CAD-\(n)", .cadre) }
            try await fixture.attend("CAD-1", "BEFORE", hours: 8)
            try await fixture.attend("CAD-2", "AFTER", hours: 8)
            try await fixture.attend("CAD-3", "OLD", hours: 8)  // trained, but in 2025
            for n in 1...2 { try await fixture.person("IO-\(n)", .informationOfficerA) }
            try await fixture.attend("IO-1", "AFTER", hours: 4)
            for n in 1...5 { try await fixture.person("IOV-\(n)", .informationOfficerA, village: "北山村\(n)") }
            try await fixture.attend("IOV-1", "AFTER", hours: 4)
            try await fixture.person("FL-1", .floodControlResponsible)
            try await fixture.person("FL-2", .floodControlResponsible)
            try await fixture.attend("FL-1", "BEFORE", hours: 4)
            try await fixture.attend("FL-2", "AFTER", hours: 4)
            try await fixture.person("EMP-1", .employee, joined: "2025-02-01")
            try await fixture.person("EMP-2", .employee, joined: "2025-02-01")
            try await fixture.attend("EMP-1", "OLD", hours: 24)
            try await fixture.attend("EMP-2", "OLD", hours: 23.5)

            let report = try await fixture.records.coverage(CoverageRequest(year: 2026))
            func line(_ role: PersonRole, village: Bool = false) throws -> CoverageLine {
                try #require(report.lines.first { $0.role == role && $0.village == village })
            }
            #expect(try line(.cadre).trained == 2 && line(.cadre).people == 3 && !line(.cadre).met && line(.cadre).targetPercent == 70)
            #expect(try line(.informationOfficerA).trained == 1 && line(.informationOfficerA).people == 2 && line(.informationOfficerA).met)
            #expect(try line(.informationOfficerA, village: true).trained == 1 && line(.informationOfficerA, village: true).people == 5
                    && line(.informationOfficerA, village: true).met && line(.informationOfficerA, village: true).targetPercent == 20)
            #expect(try line(.floodControlResponsible).trained == 1 && !line(.floodControlResponsible).met)
            #expect(try line(.employee).trained == 1 && line(.employee).people == 2 && !line(.employee).met)
            #expect(try line(.enforcementOfficer).people == 0 && line(.enforcementOfficer).met)
            // In 2025, the third cadre counted.
            #expect(try await fixture.records.coverage(CoverageRequest(role: .cadre, year: 2025)).lines.map(\.trained) == [1])
            // A township's own figures.
            let township = try await fixture.records.coverage(CoverageRequest(regionCode: "330106003000", role: .cadre, year: 2026))
            #expect(township.lines.map(\.people) == [0])
        }
    }

    /// The tallies a county's coverage is read from follow people who change role, move, join the
    /// village level, leave, and whose attendance is replaced.
    @Test func talliesFollowEveryChange() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir, region: "330100")
            try await fixture.courseAndSessions(["S": "2026-03-01", "OLD": "2025-01-10"])
            var random = SplitMix64(seed: 9)
            for n in 0..<40 {
                let role = PersonRole.allCases[Int(random.next() % 9)]
                try await fixture.person("T-\(n)", role, region: n % 2 == 0 ? "330106002000" : "330110005000", joined: "2024-06-01")
                try await fixture.attend("T-\(n)", random.next() % 2 == 0 ? "S" : "OLD", hours: Double(4 + random.next() % 60))
            }
            for n in stride(from: 0, to: 40, by: 5) {
                var person = try await fixture.records.unmaskedPerson(id: "T-\(n)")
                person.role = .cadre
                person.regionCode = "330110009000"
                person.village = n % 10 == 0 ? "仁和村" : ""
                try await fixture.records.putPerson(person)
            }
            for n in stride(from: 1, to: 40, by: 7) { try await fixture.records.deletePerson(id: "T-\(n)") }
            for n in stride(from: 2, to: 40, by: 3) where (n - 1) % 7 != 0 { try await fixture.attend("T-\(n)", "S", hours: 2, score: 10) }  // now failed
            for year in [2025, 2026] { #expect(try await fixture.records.tallyDisagreements(year: year) == [], "\(year)") }
            // The county (tallies) and its townships (counted one by one) agree.
            for role in PersonRole.allCases {
                let county = try await fixture.records.coverage(CoverageRequest(regionCode: "330110", role: role, year: 2026)).lines
                var summed: [Bool: (Int64, Int64)] = [:]
                for township in ["330110005000", "330110009000"] {
                    for line in try await fixture.records.coverage(CoverageRequest(regionCode: township, role: role, year: 2026)).lines {
                        summed[line.village, default: (0, 0)].0 += line.trained
                        summed[line.village, default: (0, 0)].1 += line.people
                    }
                }
                for line in county { #expect(summed[line.village].map { $0 == (line.trained, line.people) } ?? (line.people == 0), "\(role)") }
            }
        }
    }

    /// A city node: the city's statistics equal its two counties' merged, and each figure equals a
    /// count made directly from what was recorded.
    @Test func statisticsMergeToTheDirectAnswer() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir, region: "330100")
            try await fixture.courseAndSessions(["S": "2026-03-01", "OLD": "2024-06-01"])
            var random = SplitMix64(seed: 7)
            var trainedCadres = 0
            var metPrincipalAnnual = 0
            for n in 0..<60 {
                let region = n % 2 == 0 ? "330106002000" : "330110005000"
                let role: PersonRole = n % 3 == 0 ? .cadre : .enterprisePrincipal
                try await fixture.person("P-\(n)", role, region: region, joined: "2024-01-15")
                try await fixture.attend("P-\(n)", "OLD", hours: 40)
                if random.next() % 2 == 0 {
                    let hours = Double(8 + random.next() % 8)
                    try await fixture.attend("P-\(n)", "S", hours: hours)
                    if role == .cadre { trainedCadres += 1 } else if hours >= 12 { metPrincipalAnnual += 1 }
                }
            }
            let city = try await fixture.records.statistics(CoverageRequest(year: 2026))
            let xihu = try await fixture.records.statistics(CoverageRequest(regionCode: "330106", year: 2026))
            let yuhang = try await fixture.records.statistics(CoverageRequest(regionCode: "330110", year: 2026))
            let merged = TrainingStatistics.merged([xihu, yuhang], regionCode: "330100", asOf: TrainingFixture.today, year: 2026)
            #expect(city == merged)
            #expect(city.coverage.first { $0.role == .cadre }?.trained == Int64(trainedCadres))
            #expect(city.coverage.first { $0.role == .cadre }?.people == 20)
            #expect(city.rules.first { $0.ruleID == "principal-annual" } == RuleCount(ruleID: "principal-annual", applicable: 40, met: Int64(metPrincipalAnnual)))
            #expect(city.rules.first { $0.ruleID == "principal-initial" } == RuleCount(ruleID: "principal-initial", applicable: 40, met: 40))
            #expect(try await fixture.records.tallyDisagreements(year: 2026) == [])
        }
    }
}
