import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import Logging
import Testing
import TrainingRecordsAPI
import TrainingRecordsService

/// Each statutory-hours rule on both sides of its threshold, through the real service: people who
/// joined on 2025-03-01, sessions before joining, inside the first months, and in 2026.
@Suite struct TrainingRuleTests {
    /// (rule, role, high-risk sector, the session whose hours count for it, required hours)
    static let cases: [(String, PersonRole, Bool, String, Double)] = [
        ("principal-initial", .enterprisePrincipal, false, "S-2025-05", 32),
        ("principal-initial-high-risk", .safetyManager, true, "S-2025-05", 48),
        ("principal-annual", .enterprisePrincipal, false, "S-2026-03", 12),
        ("principal-annual-high-risk", .safetyManager, true, "S-2026-03", 16),
        ("worker-initial", .employee, false, "S-2025-02", 24),
        ("worker-initial-high-risk", .specialOperationsWorker, true, "S-2025-02", 72),
        ("worker-annual-high-risk", .employee, true, "S-2026-03", 20),
        ("enforcement-initial", .enforcementOfficer, false, "S-2025-05", 480),
        ("enforcement-annual", .enforcementOfficer, false, "S-2026-03", 80),
    ]

    @Test func everyRuleAtItsThreshold() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["S-2025-02": "2025-02-20", "S-2025-05": "2025-05-10", "S-2026-03": "2026-03-10"])
            #expect(Set(Self.cases.map(\.0)) == Set(TrainingRules.hourRules.map(\.id)), "every rule has a case")
            for (rule, role, highRisk, session, hours) in Self.cases {
                for (suffix, attended, met) in [("at", hours, true), ("below", hours - 0.5, false)] {
                    let id = "\(rule)-\(suffix)"
                    try await fixture.person(id, role, highRisk: highRisk)
                    try await fixture.attend(id, session, hours: attended)
                    let report = try await fixture.records.compliance(ComplianceRequest(personID: id, year: 2026))
                    let result = try #require(report.results.first { $0.ruleID == rule }, "\(id): \(report.results.map(\.ruleID))")
                    #expect(result.requiredHours == hours && result.attendedHours == attended, "\(id)")
                    #expect(result.met == met, "\(id)")
                    #expect(result.shortByHours == (met ? 0 : 0.5), "\(id)")
                }
            }
        }
    }

    @Test func windowsPassMarksAndRolesDecideWhatCounts() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["S-2025-02": "2025-02-20", "S-2025-05": "2025-05-10", "S-2025-10": "2025-10-01"])
            // A new worker's hours count only before starting; a principal's within 6 months.
            try await fixture.person("W", .employee)
            try await fixture.attend("W", "S-2025-05", hours: 30)
            let worker = try await fixture.records.compliance(ComplianceRequest(personID: "W", year: 2025))
            #expect(worker.results.map(\.ruleID) == ["worker-initial"], "no annual rule outside high-risk sectors")
            #expect(worker.results.first?.attendedHours == 0 && !worker.compliant)
            try await fixture.person("P", .enterprisePrincipal)
            try await fixture.attend("P", "S-2025-10", hours: 40)  // after the 6-month window (2025-09-01)
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "P", year: 2025)).results.first?.attendedHours == 0)
            // The annual rule binds from the first full year in the role.
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "P", year: 2025)).results.map(\.ruleID) == ["principal-initial"])
            // A failed attendance (score below the pass mark) counts for nothing.
            try await fixture.person("F", .enterprisePrincipal)
            try await fixture.attend("F", "S-2025-05", hours: 40, score: 59.5)
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "F", year: 2025)).results.first?.attendedHours == 0)
            // A course that does not count for the role counts for nothing; changing its roles counts it again.
            try await fixture.records.putCourse(Course(code: "C", name: "综合应急培训", hours: 500, passMark: 60, roles: [.cadre]))
            try await fixture.person("Q", .enterprisePrincipal)
            try await fixture.attend("Q", "S-2025-05", hours: 40)
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "Q", year: 2025)).results.first?.attendedHours == 0)
            try await fixture.records.putCourse(Course(code: "C", name: "综合应急培训", hours: 500, passMark: 50, roles: PersonRole.allCases))
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "Q", year: 2025)).compliant)
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "F", year: 2025)).compliant, "59.5 passes a pass mark of 50")
        }
    }

    /// Someone who joins on 1 January is in the role for that whole year: the annual rule binds then.
    @Test func annualRulesBindFromTheFirstFullYear() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["S": "2026-03-10"])
            try await fixture.person("JAN1", .enterprisePrincipal, joined: "2026-01-01")
            try await fixture.person("JAN2", .enterprisePrincipal, joined: "2026-01-02")
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "JAN1", year: 2026)).results.map(\.ruleID)
                    == ["principal-initial", "principal-annual"])
            #expect(try await fixture.records.compliance(ComplianceRequest(personID: "JAN2", year: 2026)).results.map(\.ruleID)
                    == ["principal-initial"])
        }
    }

    /// The flood season's start is part of every stored derivation: a node started with another one
    /// derives its flood-control people again.
    @Test func aNewFloodSeasonStartIsAppliedToStoredPeople() async throws {
        try await withTemporaryDirectory { dir in
            let fixture = try TrainingFixture(dir)
            try await fixture.courseAndSessions(["S": "2026-04-20"])
            try await fixture.person("FL", .floodControlResponsible)
            try await fixture.attend("FL", "S", hours: 4)
            #expect(try await fixture.records.coverage(CoverageRequest(role: .floodControlResponsible, year: 2026)).lines.map(\.trained) == [0])
            var logger = Logger(label: "t")
            logger.logLevel = .critical
            let later = try TrainingRecords(databasePath: dir + "/330106.sqlite", regionCode: "330106",
                                            configuration: TrainingConfiguration(floodSeasonStarts: (5, 1)), logger: logger,
                                            today: { TrainingFixture.today })
            #expect(try await later.coverage(CoverageRequest(role: .floodControlResponsible, year: 2026)).lines.map(\.trained) == [1])
            #expect(try await later.tallyDisagreements(year: 2026) == [])
            // Opened again without a flood season (a probe or an import), the stored 05-01 stands.
            let again = try TrainingRecords(databasePath: dir + "/330106.sqlite", regionCode: "330106", logger: logger,
                                            today: { TrainingFixture.today })
            #expect(again.floodSeason == (5, 1))
            #expect(try await again.coverage(CoverageRequest(role: .floodControlResponsible, year: 2026)).lines.map(\.trained) == [1])
            #expect(TrainingConfiguration.floodSeasonStart("02-29") == nil && TrainingConfiguration.floodSeasonStart("04-15")! == (4, 15))
        }
    }
}
