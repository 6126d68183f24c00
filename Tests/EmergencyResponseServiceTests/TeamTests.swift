import AnlanRecords
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// A node stores the teams it commands, each checked whole; readiness changes by hand only between
/// standby, resting and unavailable, never while a team is out.
@Suite struct TeamTests {
    @Test func aTeamIsStoredCommandedByTheNodeWithItsSpecialtiesSorted() async throws {
        let fixture = try EmergencyFixture()
        var team = EmergencyFixture.team("T-1", specialties: [.medical, .floodWater, .medical])
        team.commandingNode = "330106"
        let stored = try await fixture.response.putTeam(team)
        #expect(stored.specialties == [.floodWater, .medical])
        #expect(stored.commandingNode == "330106")
        #expect(try await fixture.response.team(id: "T-1") == stored)
    }

    @Test func badTeamsAreRefusedAndNothingIsStored() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        let unknown = await refusalMessage {
            try await r.putTeam(EmergencyFixture.team("T-1", equipment: [EquipmentCount(code: "hovercraft", count: 1)]))
        }
        #expect(unknown.contains("hovercraft") && unknown.contains("catalogue"))
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-2", kind: .aviation)) } == .invalidArgument)
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-3", helicopterClass: .light)) } == .invalidArgument)
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-4", region: "330102001000")) } == .invalidArgument)
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-5", specialties: [])) } == .invalidArgument)
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-6", headcount: 0)) } == .invalidArgument)
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-7", latitude: 95)) } == .invalidArgument)
        #expect(await refusal {
            try await r.putTeam(EmergencyFixture.team("T-8", equipment: [EquipmentCount(code: "pump", count: -1)]))
        } == .invalidArgument)
        var commanded = EmergencyFixture.team("T-9")
        commanded.commandingNode = "330100"
        let message = await refusalMessage { try await r.putTeam(commanded) }
        #expect(message == "team T-9 is commanded by 330100; change it there")
        #expect(await refusal { try await r.putTeam(commanded) } == .failedPrecondition)
        #expect(try await r.teams(TeamQuery()).records.isEmpty)
        let aviation = try await r.putTeam(EmergencyFixture.team("T-10", kind: .aviation, helicopterClass: .medium))
        #expect(aviation.helicopterClass == .medium)
    }

    @Test func aPutKeepsTheStoredReadinessAndCannotDeploy() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        #expect(await refusal { try await r.putTeam(EmergencyFixture.team("T-1", readiness: .deployed)) } == .invalidArgument)
        let resting = try await r.putTeam(EmergencyFixture.team("T-1", readiness: .resting))
        #expect(resting.readiness == .resting)
        let replaced = try await r.putTeam(EmergencyFixture.team("T-1", headcount: 30, readiness: .standby))
        #expect(replaced.readiness == .resting && replaced.headcount == 30)
        let standby = try await r.setReadiness(ReadinessChange(teamID: "T-1", readiness: .standby))
        #expect(standby.readiness == .standby)
        #expect(await refusal { try await r.setReadiness(ReadinessChange(teamID: "T-1", readiness: .deployed)) } == .invalidArgument)
        #expect(await refusal { try await r.setReadiness(ReadinessChange(teamID: "T-X", readiness: .resting)) } == .notFound)

        try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-1", incidentID: "330106-1"))
        #expect(await refusal { try await r.setReadiness(ReadinessChange(teamID: "T-1", readiness: .resting)) } == .failedPrecondition)
        #expect(await refusal { try await r.deleteTeam(id: "T-1") } == .failedPrecondition)
        let again = try await r.putTeam(EmergencyFixture.team("T-1", headcount: 40))
        #expect(again.readiness == .deployed && again.deploymentKey == "K-1" && again.deployedTo == "330106-1")

        try await r.release(ReleaseRequest(idempotencyKey: "K-1"))
        try await r.deleteTeam(id: "T-1")
        #expect(await refusal { _ = try await r.team(id: "T-1") } == .notFound)
        #expect(await refusal { try await r.deleteTeam(id: "T-1") } == .notFound)
    }

    @Test func teamsAreListedByIdInASubtreeAndPaged() async throws {
        let fixture = try EmergencyFixture()
        for n in 1...5 { try await fixture.putTeam("T-\(n)", region: n <= 3 ? "330106002000" : "330106003000") }
        let first = try await fixture.response.teams(TeamQuery(limit: 2))
        #expect(first.records.map(\.id) == ["T-1", "T-2"] && !first.nextCursor.isEmpty)
        let second = try await fixture.response.teams(TeamQuery(cursor: first.nextCursor, limit: 10))
        #expect(second.records.map(\.id) == ["T-3", "T-4", "T-5"] && second.nextCursor.isEmpty)
        let township = try await fixture.response.teams(TeamQuery(regionCode: "330106003000"))
        #expect(township.records.map(\.id) == ["T-4", "T-5"])
        #expect(await refusal { _ = try await fixture.response.teams(TeamQuery(limit: 1001)) } == .invalidArgument)
        #expect(await refusal { _ = try await fixture.response.teams(TeamQuery(regionCode: "330102")) } == .invalidArgument)
    }

    @Test func theCatalogueStartsStandardAndTakesNewKinds() async throws {
        let fixture = try EmergencyFixture()
        let catalogue = try await fixture.response.equipment()
        #expect(catalogue.count == 13 && catalogue.contains(EquipmentItem(code: "assault-boat", name: "冲锋舟", unit: "艘")))
        try await fixture.response.putEquipment(EquipmentItem(code: "hovercraft", name: "气垫船", unit: "艘"))
        let team = try await fixture.response.putTeam(EmergencyFixture.team("T-1", equipment: [EquipmentCount(code: "hovercraft", count: 1)]))
        #expect(team.equipment == [EquipmentCount(code: "hovercraft", count: 1)])
        #expect(await refusal { try await fixture.response.putEquipment(EquipmentItem(code: "a:b", name: "x")) } == .invalidArgument)
        #expect(await refusal { try await fixture.response.putEquipment(EquipmentItem(code: "x", name: " ")) } == .invalidArgument)
    }
}
