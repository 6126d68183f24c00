import AnlanRecords
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// A team on standby is sent once per key and comes back on release; candidates are the teams on
/// standby, nearest first.
@Suite struct DeploymentTests {
    @Test func deployingTwiceWithOneKeyDeploysOnce() async throws {
        let fixture = try EmergencyFixture()
        try await fixture.putTeam("T-1")
        let request = Deployment(idempotencyKey: "P-1/T-1", teamID: "T-1", incidentID: "330106-1", latitude: 30.2, longitude: 120.1, actor: "省指挥中心")
        let first = try await fixture.response.deploy(request)
        #expect(first.state == .active && first.deployedAtMilliseconds == EmergencyFixture.start)
        fixture.advance(minutes: 1)
        let retry = try await fixture.response.deploy(request)
        #expect(retry == first)
        #expect(try await fixture.response.deployment(key: "P-1/T-1") == first)
        let counts = try await fixture.response.counts()
        #expect(counts.first { $0.0 == "deployments" }?.1 == 1)
        let team = try await fixture.response.team(id: "T-1")
        #expect(team.readiness == .deployed && team.deployedTo == "330106-1" && team.deploymentKey == "P-1/T-1")
    }

    @Test func aDeploymentIsRefusedForABusyTeamAReusedKeyOrAnUnknownTeam() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        try await fixture.putTeam("T-1")
        try await fixture.putTeam("T-2")
        try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-1", incidentID: "330106-1"))
        let busy = await refusalMessage { try await r.deploy(Deployment(idempotencyKey: "K-2", teamID: "T-1", incidentID: "330106-2")) }
        #expect(busy.contains("deployed to 330106-1"))
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-2", teamID: "T-1", incidentID: "330106-2")) } == .failedPrecondition)
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-2", incidentID: "330106-1")) } == .alreadyExists)
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-1", incidentID: "330106-9")) } == .alreadyExists)
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-3", teamID: "T-9", incidentID: "330106-1")) } == .notFound)
        #expect(await refusal { try await r.deploy(Deployment(teamID: "T-2", incidentID: "330106-1")) } == .invalidArgument)
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-4", teamID: "T-2")) } == .invalidArgument)
        _ = try await r.setReadiness(ReadinessChange(teamID: "T-2", readiness: .resting))
        #expect(await refusal { try await r.deploy(Deployment(idempotencyKey: "K-5", teamID: "T-2", incidentID: "330106-1")) } == .failedPrecondition)
        #expect(await refusal { _ = try await r.deployment(key: "K-2") } == .notFound)
        #expect(try await r.team(id: "T-2").readiness == .resting)
    }

    @Test func aReleasedTeamIsACandidateAgainAndItsKeyIsSpent() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        try await fixture.putTeam("T-1", latitude: 30.26, longitude: 120.14)
        try await fixture.putTeam("T-2", latitude: 30.30, longitude: 120.20)
        let search = TeamSearch(latitude: 30.26, longitude: 120.14, specialties: [.floodWater])
        #expect(try await r.candidates(search).candidates.map(\.team.id) == ["T-1", "T-2"])
        try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-1", incidentID: "330106-1"))
        #expect(try await r.candidates(search).candidates.map(\.team.id) == ["T-2"])

        fixture.advance(minutes: 120)
        let released = try await r.release(ReleaseRequest(idempotencyKey: "K-1", actor: "队长"))
        #expect(released.state == .released && released.endedAtMilliseconds == EmergencyFixture.start + 120 * 60_000)
        let team = try await r.team(id: "T-1")
        #expect(team.readiness == .standby && team.deployedTo.isEmpty && team.deploymentKey.isEmpty)
        #expect(try await r.candidates(search).candidates.map(\.team.id) == ["T-1", "T-2"])
        fixture.advance(minutes: 1)
        #expect(try await r.release(ReleaseRequest(idempotencyKey: "K-1")) == released)
        #expect(try await r.release(ReleaseRequest(idempotencyKey: "K-1", undo: true)) == released)
        let spent = await refusalMessage { try await r.deploy(Deployment(idempotencyKey: "K-1", teamID: "T-1", incidentID: "330106-1")) }
        #expect(spent == "deployment K-1 has ended (released); propose again")
        #expect(try await r.team(id: "T-1").readiness == .standby)
        #expect(await refusal { try await r.release(ReleaseRequest(idempotencyKey: "K-9")) } == .notFound)
        #expect(await refusal { try await r.release(ReleaseRequest()) } == .invalidArgument)
    }

    @Test func undoingAnUnknownKeyLeavesATombstoneThatRefusesALateDeployment() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        try await fixture.putTeam("T-1")
        let tombstone = try await r.release(ReleaseRequest(idempotencyKey: "P-7/T-1", actor: "gateway", undo: true))
        #expect(tombstone.state == .undone && tombstone.teamID.isEmpty && tombstone.incidentID.isEmpty)
        #expect(try await r.deployment(key: "P-7/T-1") == tombstone)
        let late = await refusalMessage { try await r.deploy(Deployment(idempotencyKey: "P-7/T-1", teamID: "T-1", incidentID: "330106-1")) }
        #expect(late == "deployment P-7/T-1 has ended (undone); propose again")
        let team = try await r.team(id: "T-1")
        #expect(team.readiness == .standby && team.deploymentKey.isEmpty)

        try await r.deploy(Deployment(idempotencyKey: "P-8/T-1", teamID: "T-1", incidentID: "330106-1"))
        let undone = try await r.release(ReleaseRequest(idempotencyKey: "P-8/T-1", undo: true))
        #expect(undone.state == .undone && undone.teamID == "T-1")
        #expect(try await r.team(id: "T-1").readiness == .standby)
    }

    @Test func candidatesAreNearestFirstWithAnyOfTheSpecialties() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        try await fixture.putTeam("T-far", specialties: [.medical], latitude: 30.30, longitude: 120.20)
        try await fixture.putTeam("T-near", specialties: [.floodWater], latitude: 30.261, longitude: 120.141)
        try await fixture.putTeam("T-fire", specialties: [.forestFire], latitude: 30.26, longitude: 120.14)
        try await fixture.putTeam("T-tie-b", specialties: [.medical], latitude: 30.27, longitude: 120.14)
        try await fixture.putTeam("T-tie-a", specialties: [.medical], latitude: 30.27, longitude: 120.14)
        let answer = try await r.candidates(TeamSearch(latitude: 30.26, longitude: 120.14, specialties: [.floodWater, .medical]))
        #expect(answer.candidates.map(\.team.id) == ["T-near", "T-tie-a", "T-tie-b", "T-far"] && !answer.truncated)
        #expect(abs(answer.candidates[1].distanceKilometres - 1.112) < 0.01)
        let limited = try await r.candidates(TeamSearch(latitude: 30.26, longitude: 120.14, specialties: [.medical], limit: 2))
        #expect(limited.candidates.map(\.team.id) == ["T-tie-a", "T-tie-b"] && limited.truncated)
        #expect(await refusal { _ = try await r.candidates(TeamSearch(latitude: 30, longitude: 120)) } == .invalidArgument)
        #expect(await refusal { _ = try await r.candidates(TeamSearch(latitude: 100, longitude: 120, specialties: [.medical])) } == .invalidArgument)
        #expect(await refusal {
            _ = try await r.candidates(TeamSearch(latitude: 30, longitude: 120, specialties: [.medical], limit: 1001))
        } == .invalidArgument)
    }
}
