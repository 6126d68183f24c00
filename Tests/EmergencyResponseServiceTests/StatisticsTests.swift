import AnlanRecords
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// Statistics are sums a parent can add up: teams by kind and readiness, incidents, the time to the
/// first team as seconds over incidents reached, and the counts of open incidents.
@Suite struct StatisticsTests {
    @Test func theEarliestArrivalIsTheFirstAndCountsInTheStatistics() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        let incident = try await fixture.report()
        let start = EmergencyFixture.start
        let late = try await r.arrival(ArrivalReport(incidentID: incident.id, teamID: "T-2", atMilliseconds: start + 20 * 60_000))
        #expect(late.firstArrivalMilliseconds == start + 20 * 60_000)
        let early = try await r.arrival(ArrivalReport(incidentID: incident.id, teamID: "T-1", atMilliseconds: start + 10 * 60_000))
        #expect(early.firstArrivalMilliseconds == start + 10 * 60_000)
        let later = try await r.arrival(ArrivalReport(incidentID: incident.id, teamID: "T-3", atMilliseconds: start + 30 * 60_000))
        #expect(later.firstArrivalMilliseconds == start + 10 * 60_000)
        #expect(await refusal { try await r.arrival(ArrivalReport(incidentID: incident.id, teamID: "T-4", atMilliseconds: start - 1)) }
            == .invalidArgument)
        #expect(await refusal { try await r.arrival(ArrivalReport(incidentID: incident.id)) } == .invalidArgument)
        let timeline = try await r.incident(id: incident.id).timeline
        #expect(timeline.map(\.kind) == [.reported, .arrived, .arrived, .arrived])

        try await fixture.report(title: "未到达", affected: 5)
        let stats = try await r.statistics(ResponseStatisticsQuery())
        #expect(stats.regionCode == "330106" && stats.incidents == 2)
        #expect(stats.incidentsArrived == 1 && stats.arrivalSeconds == 600)
    }

    @Test func teamCellsAndIncidentCountsFollowTheSubtreeAndTheWrites() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        try await fixture.putTeam("T-1", kind: .social, headcount: 10)
        try await fixture.putTeam("T-2", kind: .social, headcount: 15)
        try await fixture.putTeam("T-3", kind: .fireRescue, headcount: 50, region: "330106003000")
        try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-2", incidentID: "330106-1"))
        let open = try await fixture.report(level: .two, affected: 100)
        try await r.fieldReport(FieldReport(incidentID: open.id, reporter: "张三", dead: 1, injured: 4, missing: 2))
        try await fixture.report(level: .four, affected: 7)
        let closed = try await fixture.report(level: .one, affected: 1000)
        try await r.close(IncidentStep(incidentID: closed.id))

        let stats = try await r.statistics(ResponseStatisticsQuery())
        #expect(stats.teams == [
            TeamCell(kind: .fireRescue, readiness: .standby, teams: 1, headcount: 50),
            TeamCell(kind: .social, readiness: .standby, teams: 1, headcount: 10),
            TeamCell(kind: .social, readiness: .deployed, teams: 1, headcount: 15),
        ])
        #expect(stats.openIncidents == [LevelCount(level: .two, open: 1), LevelCount(level: .four, open: 1)])
        #expect(stats.incidents == 3 && stats.affected == 107 && stats.dead == 1 && stats.injured == 4 && stats.missing == 2)

        let township = try await r.statistics(ResponseStatisticsQuery(regionCode: "330106003000"))
        #expect(township.regionCode == "330106003000" && township.teamCount == 1 && township.headcount == 50 && township.incidents == 0)
        #expect(await refusal { _ = try await r.statistics(ResponseStatisticsQuery(regionCode: "330102")) } == .invalidArgument)

        try await r.release(ReleaseRequest(idempotencyKey: "K-1"))
        let after = try await r.statistics(ResponseStatisticsQuery())
        #expect(after.teams.first { $0.kind == .social }?.teams == 2 && after.teams.count == 2)
    }
}
