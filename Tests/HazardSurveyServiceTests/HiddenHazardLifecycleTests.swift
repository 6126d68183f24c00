import AnlanRPC
import AnlanRegions
import AnlanTestSupport
import AnlanRecords
import AnlanWire
import HazardSurveyAPI
import HazardSurveyService
import Testing

@Suite struct HiddenHazardLifecycleTests {
    @Test(arguments: [(UInt8(2), 60), (UInt8(3), 30), (UInt8(4), 15)])
    func theSupervisingTierSetsTheDeadline(tier: UInt8, days: Int) async throws {
        try await withSurvey { survey, _ in
            let discovered = testToday.adding(days: -3)
            let hazard = try await survey.createHidden(hiddenHazard("HH-1", tier: tier, discovered: discovered))
            #expect(hazard.deadline == discovered.adding(days: days))
            #expect(hazard.state == .discovered)
            #expect(hazard.history.map(\.action) == [.discover])
        }
    }

    @Test func deadlinesAreConfigurablePerTier() async throws {
        try await withTemporaryDirectoryAndConfiguration(deadlines: [.province: 90, .city: 45, .county: 20, .township: 7]) { survey in
            let hazard = try await survey.createHidden(hiddenHazard("HH-1", tier: 2, discovered: testToday))
            #expect(hazard.deadline == testToday.adding(days: 45))
        }
    }

    @Test func theClosedLoopWithEvidenceAndOnTimeCounting() async throws {
        try await withSurvey { survey, _ in
            _ = try await survey.createHidden(hiddenHazard("HH-1", discovered: testToday.adding(days: -20)))
            _ = try await survey.transition(TransitionRequest(id: "HH-1", action: .assign, actor: "西湖区应急管理局", day: testToday.adding(days: -19)))
            let noEvidence = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .rectify, actor: "企业")) }
            #expect(noEvidence?.0 == .failedPrecondition)
            #expect(noEvidence?.1.contains("evidence") == true)
            _ = try await survey.transition(TransitionRequest(id: "HH-1", action: .rectify, actor: "企业", evidence: "整改报告 2026-118", day: testToday.adding(days: -5)))
            _ = try await survey.transition(TransitionRequest(id: "HH-1", action: .inspect, actor: "督查组", day: testToday.adding(days: -4)))
            let closed = try await survey.transition(TransitionRequest(id: "HH-1", action: .close, actor: "督查组", note: "销号",
                                                                       evidence: "销号单 7", day: testToday.adding(days: -3)))
            #expect(closed.state == .closed)
            #expect(closed.closedOn == testToday.adding(days: -3))
            #expect(closed.history.map(\.action) == [.discover, .assign, .rectify, .inspect, .close])
            #expect(closed.history.map(\.toState) == [.discovered, .assigned, .rectified, .inspected, .closed])
            #expect(closed.history.last?.evidence == "销号单 7")
            #expect(closed.history.map(\.sequence) == [1, 2, 3, 4, 5])

            let stats = try await survey.statistics(StatisticsRequest())
            #expect(stats.hiddenHazards == HiddenHazardCounts(open: 0, overdue: 0, closed: 1, closedOnTime: 1))
        }
    }

    @Test func anInvalidTransitionNamesTheCurrentStateAndChangesNothing() async throws {
        try await withSurvey { survey, _ in
            _ = try await survey.createHidden(hiddenHazard("HH-1"))
            let failure = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .close, actor: "x", evidence: "e")) }
            #expect(failure?.0 == .failedPrecondition)
            #expect(failure?.1.contains("is discovered") == true)
            #expect(try await survey.hidden(id: "HH-1").history.count == 1)
            let missing = await status { try await survey.transition(TransitionRequest(id: "nope", action: .assign, actor: "x")) }
            #expect(missing?.0 == .notFound)
            let noActor = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .assign, actor: " ")) }
            #expect(noActor?.0 == .failedPrecondition)
            let future = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .assign, actor: "x", day: testToday.adding(days: 1))) }
            #expect(future?.0 == .failedPrecondition)
        }
    }

    @Test func anOverdueHazardEscalatesToTheTierAboveWithANewDeadline() async throws {
        let calendar = ManualCalendar(testToday)
        try await withSurvey(today: calendar.today) { survey, _ in
            _ = try await survey.createHidden(hiddenHazard("HH-1", tier: 3, discovered: testToday))
            let early = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .escalate, actor: "区督查")) }
            #expect(early?.0 == .failedPrecondition)
            #expect(early?.1.contains("not overdue") == true)

            calendar.advance(days: 31)
            #expect(try await survey.hiddenHazards(HazardQuery(overdueOnly: true)).records.map(\.id) == ["HH-1"])
            #expect(try await survey.statistics(StatisticsRequest()).hiddenHazards.overdue == 1)
            let escalated = try await survey.transition(TransitionRequest(id: "HH-1", action: .escalate, actor: "杭州市应急管理局"))
            #expect(escalated.supervisingTier == 2)
            #expect(escalated.deadline == testToday.adding(days: 31 + 60))
            #expect(escalated.listed)
            #expect(escalated.state == .discovered)
            #expect(!escalated.overdue)
            #expect(try await survey.hiddenHazards(HazardQuery(overdueOnly: true)).records.isEmpty)
            // Updating it as first recorded (county) or as it is now (city) is accepted, and never drops the listing.
            let asRecorded = try await survey.updateHidden(hiddenHazard("HH-1", tier: 3, discovered: testToday))
            #expect(asRecorded.listed && asRecorded.supervisingTier == 2)
            // The escalated hazard's create, retried as first sent (county tier, not listed), is still a retry.
            let retriedEscalated = await status { try await survey.createHidden(hiddenHazard("HH-1", tier: 3, discovered: testToday)) }
            #expect(retriedEscalated == nil)
            var asNow = escalated
            asNow.history = []
            asNow.description = "护栏已加装一半"
            #expect(try await survey.updateHidden(asNow).listed)
            // A create of a hazard never escalated, retried, is a retry; one with another tier is not.
            _ = try await survey.createHidden(hiddenHazard("HH-2", tier: 3, discovered: testToday))
            let retried = await status { try await survey.createHidden(hiddenHazard("HH-2", tier: 3, discovered: testToday)) }
            #expect(retried == nil)
            let otherTier = await status { try await survey.createHidden(hiddenHazard("HH-2", tier: 4, discovered: testToday)) }
            #expect(otherTier?.0 == .alreadyExists)
        }
    }

    @Test func reopeningFollowsTheNodesRule() async throws {
        for allowed in [true, false] {
            try await withSurvey(reopenAllowed: allowed) { survey, _ in
                _ = try await survey.createHidden(hiddenHazard("HH-1"))
                for (action, evidence) in [(HiddenHazardAction.assign, ""), (.rectify, "r"), (.inspect, ""), (.close, "c")] {
                    _ = try await survey.transition(TransitionRequest(id: "HH-1", action: action, actor: "a", evidence: evidence))
                }
                let reopened = await status { try await survey.transition(TransitionRequest(id: "HH-1", action: .reopen, actor: "a")) }
                #expect((reopened == nil) == allowed)
                let hazard = try await survey.hidden(id: "HH-1")
                #expect(hazard.state == (allowed ? .assigned : .closed))
                #expect(hazard.closedOn == (allowed ? nil : testToday))
                if allowed {
                    #expect(hazard.deadline == testToday.adding(days: 30), "reopening restarts the county's 30 days")
                }
            }
        }
    }

    @Test func fixedFieldsCannotBeRewritten() async throws {
        try await withSurvey { survey, _ in
            _ = try await survey.createHidden(hiddenHazard("HH-1"))
            var changed = hiddenHazard("HH-1")
            changed.discoveredOn = testToday.adding(days: -1)
            let failure = await status { try await survey.updateHidden(changed) }
            #expect(failure?.0 == .invalidArgument)
            #expect(failure?.1.contains("fixed once recorded") == true)
            var described = hiddenHazard("HH-1")
            described.description = "护栏已部分修复"
            #expect(try await survey.updateHidden(described).description == "护栏已部分修复")
            let duplicate = await status { try await survey.createHidden(described.with(id: "HH-1", location: "别处")) }
            #expect(duplicate?.0 == .alreadyExists)
        }
    }

    @Test func badRecordsAreRejectedWithTheirReason() async throws {
        try await withSurvey { survey, _ in
            let cases: [(HiddenHazard, String)] = [
                (hiddenHazard("HH-1", region: "330212003000"), "outside this node's region"),
                (hiddenHazard("HH-2", region: "339999"), "unknown region code"),
                (hiddenHazard("HH-3", tier: 4).with(region: "330106"), "below the hazard's region"),
                (hiddenHazard("HH-4", tier: 9), "supervising tier 9"),
                (hiddenHazard("HH-5", discovered: testToday.adding(days: 2)), "in the future"),
                (hiddenHazard("HH-6").with(region: "", enterprise: "EN-404"), "not on record"),
            ]
            for (hazard, reason) in cases {
                let failure = await status { try await survey.createHidden(hazard) }
                #expect(failure?.0 == .invalidArgument, "\(hazard.id)")
                #expect(failure?.1.contains(reason) == true, "\(hazard.id): \(failure?.1 ?? "accepted")")
            }
            let stored = try await survey.hiddenHazards(HazardQuery())
            #expect(stored.records.isEmpty)
        }
    }
}

extension HiddenHazard {
    func with(id: String? = nil, region: String? = nil, enterprise: String? = nil, location: String? = nil) -> HiddenHazard {
        var copy = self
        if let id { copy.id = id }
        if let region { copy.regionCode = region }
        if let enterprise { copy.enterpriseID = enterprise }
        if let location { copy.location = location }
        return copy
    }
}

func withTemporaryDirectoryAndConfiguration(deadlines: [Tier: Int], _ body: (HazardSurvey) async throws -> Void) async throws {
    try await withTemporaryDirectory { dir in
        let survey = try HazardSurvey(databasePath: dir + "/h.sqlite", regionCode: "330106",
                                      configuration: HazardSurveyConfiguration(deadlineDays: deadlines, today: { testToday }),
                                      logger: quietLogger)
        try await body(survey)
    }
}
