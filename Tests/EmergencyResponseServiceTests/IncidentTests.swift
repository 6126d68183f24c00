import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// Incidents are reported once per key inside the node's jurisdiction and move reported → responding
/// → closed; every step is on the timeline, and every refusal leaves the record as it was.
@Suite struct IncidentTests {
    @Test func anIncidentOutsideTheJurisdictionIsRefusedAndNothingStored() async throws {
        let fixture = try EmergencyFixture()
        let message = await refusalMessage { try await fixture.report(region: "330102001000") }
        #expect(message.contains("outside this node's jurisdiction (330106 西湖区)"))
        #expect(await refusal { try await fixture.report(region: "330102001000") } == .invalidArgument)
        #expect(try await fixture.response.incidents(IncidentQuery()).records.isEmpty)
    }

    @Test func aReportGetsTheNodesIdAndOpensTheTimeline() async throws {
        let fixture = try EmergencyFixture()
        let incident = try await fixture.response.reportIncident(Incident(
            kind: .flood, title: "转塘街道内涝", regionCode: "330106011000", status: .closed, reporter: "街道", firstArrivalMilliseconds: 5))
        #expect(incident.id == "330106-1" && incident.status == .reported && incident.firstArrivalMilliseconds == 0)
        #expect(incident.reportedAtMilliseconds == EmergencyFixture.start)
        let seat = try RegionTree.zhejiang.location(of: "330106011000").coordinate
        #expect(incident.latitude == seat.latitude && incident.longitude == seat.longitude)
        let record = try await fixture.response.incident(id: incident.id)
        #expect(record.incident == incident)
        #expect(record.timeline.map(\.kind) == [.reported] && record.timeline[0].sequence == 1)
        let second = try await fixture.report()
        #expect(second.id == "330106-2")
    }

    @Test func aRepeatedReportKeyAnswersTheFirstIncident() async throws {
        let fixture = try EmergencyFixture()
        let first = try await fixture.report(title: "第一次", key: "phone-1/42")
        fixture.advance(minutes: 1)
        let retry = try await fixture.report(title: "重发", key: "phone-1/42", affected: 99)
        #expect(retry == first)
        #expect(try await fixture.response.incidents(IncidentQuery()).records == [first])
        #expect(try await fixture.response.incident(id: first.id).timeline.count == 1)
    }

    @Test func badReportsAreRefused() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        #expect(await refusal { try await fixture.report(title: " ") } == .invalidArgument)
        #expect(await refusal { try await fixture.report(affected: -1) } == .invalidArgument)
        #expect(await refusal { try await fixture.report(affected: 100_000_001) } == .invalidArgument, "more people than any province holds")
        #expect(await refusal {
            try await r.reportIncident(Incident(title: "x", latitude: 91, longitude: 120, regionCode: "330106002000"))
        } == .invalidArgument)
        #expect(await refusal {
            try await r.reportIncident(Incident(title: "x", regionCode: "330106002000", reportedAtMilliseconds: EmergencyFixture.start + 6 * 60_000))
        } == .invalidArgument)
        let skewed = try await r.reportIncident(Incident(title: "x", regionCode: "330106002000",
                                                         reportedAtMilliseconds: EmergencyFixture.start + 4 * 60_000))
        #expect(skewed.reportedAtMilliseconds == EmergencyFixture.start + 4 * 60_000)
    }

    @Test func aFieldReportReplacesTheCountsGivenAndSaysSo() async throws {
        let fixture = try EmergencyFixture()
        let incident = try await fixture.report(level: .three, affected: 10)
        fixture.advance(minutes: 30)
        let updated = try await fixture.response.fieldReport(FieldReport(
            incidentID: incident.id, reporter: "张三", affected: 120, dead: 0, injured: 3, missing: 2, note: "道路中断", responseLevel: .two))
        #expect(updated.affected == 120 && updated.injured == 3 && updated.missing == 2 && updated.responseLevel == .two)
        let partial = try await fixture.response.fieldReport(FieldReport(incidentID: incident.id, reporter: "张三", missing: 1))
        #expect(partial.affected == 120 && partial.missing == 1 && partial.responseLevel == .two)
        let timeline = try await fixture.response.incident(id: incident.id).timeline
        #expect(timeline.map(\.kind) == [.reported, .fieldReport, .fieldReport])
        #expect(timeline[1].text == "受影响 120 人，死亡 0，受伤 3，失联 2；响应 III → II 级；道路中断")
        #expect(timeline[1].actor == "张三" && timeline[1].atMilliseconds == EmergencyFixture.start + 30 * 60_000)
        #expect(timeline[2].text == "失联 1")

        let before = try await fixture.response.incident(id: incident.id)
        #expect(await refusal { try await fixture.response.fieldReport(FieldReport(incidentID: incident.id, reporter: "张三", dead: -1)) }
            == .invalidArgument)
        #expect(await refusal {
            try await fixture.response.fieldReport(FieldReport(incidentID: incident.id, reporter: "张三", injured: 121_645_100_408_861_970))
        } == .invalidArgument)
        #expect(await refusal { try await fixture.response.fieldReport(FieldReport(incidentID: incident.id, affected: 5)) } == .invalidArgument)
        #expect(await refusal { try await fixture.response.fieldReport(FieldReport(incidentID: "330106-9", reporter: "张三")) } == .notFound)
        #expect(try await fixture.response.incident(id: incident.id) == before)
    }

    @Test func respondingAndClosingFollowTheStatusesAndRefusalsChangeNothing() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        let incident = try await fixture.report()
        let responding = try await r.respond(IncidentStep(incidentID: incident.id, actor: "值班员", note: "启动Ⅲ级响应"))
        #expect(responding.status == .responding)
        let dispatched = try await r.respond(IncidentStep(incidentID: incident.id, actor: "gateway", note: "调派 T-1、T-2"))
        #expect(dispatched.status == .responding)
        fixture.advance(minutes: 90)
        let closed = try await r.close(IncidentStep(incidentID: incident.id, actor: "值班员", note: "险情解除"))
        #expect(closed.status == .closed && closed.closedAtMilliseconds == EmergencyFixture.start + 90 * 60_000)
        let record = try await r.incident(id: incident.id)
        #expect(record.timeline.map(\.kind) == [.reported, .statusChanged, .dispatched, .statusChanged])
        #expect(record.timeline[1].text == "已报告 → 处置中；启动Ⅲ级响应")
        #expect(record.timeline[2].text == "调派 T-1、T-2")
        #expect(record.timeline[3].text == "处置中 → 已结束；险情解除")

        #expect(await refusal { try await r.close(IncidentStep(incidentID: incident.id)) } == .failedPrecondition)
        #expect(await refusal { try await r.respond(IncidentStep(incidentID: incident.id)) } == .failedPrecondition)
        #expect(await refusal { try await r.fieldReport(FieldReport(incidentID: incident.id, reporter: "张三", affected: 1)) } == .failedPrecondition)
        #expect(await refusal { try await r.arrival(ArrivalReport(incidentID: incident.id, teamID: "T-1")) } == .failedPrecondition)
        #expect(await refusal { try await r.respond(IncidentStep(incidentID: "330106-99")) } == .notFound)
        #expect(try await r.incident(id: incident.id) == record)

        let falseAlarm = try await fixture.report(title: "误报")
        #expect(try await r.close(IncidentStep(incidentID: falseAlarm.id)).status == .closed)
    }

    @Test func incidentsAreListedNewestFirstInPages() async throws {
        let fixture = try EmergencyFixture()
        for n in 1...3 { try await fixture.report(title: "事件\(n)", region: n == 2 ? "330106003000" : "330106002000") }
        try await fixture.response.close(IncidentStep(incidentID: "330106-3"))
        let first = try await fixture.response.incidents(IncidentQuery(limit: 2))
        #expect(first.records.map(\.id) == ["330106-3", "330106-2"] && !first.nextCursor.isEmpty)
        let second = try await fixture.response.incidents(IncidentQuery(cursor: first.nextCursor, limit: 2))
        #expect(second.records.map(\.id) == ["330106-1"] && second.nextCursor.isEmpty)
        #expect(try await fixture.response.incidents(IncidentQuery(openOnly: true)).records.map(\.id) == ["330106-2", "330106-1"])
        #expect(try await fixture.response.incidents(IncidentQuery(regionCode: "330106003000")).records.map(\.id) == ["330106-2"])
        #expect(await refusal { _ = try await fixture.response.incidents(IncidentQuery(cursor: "x|y")) } == .invalidArgument)
    }
}
