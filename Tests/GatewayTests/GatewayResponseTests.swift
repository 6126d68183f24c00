import AnlanNode
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AnlanTestSupport
import AviationLandingAPI
import EmergencyResponseAPI
import Foundation
import GatewayAPI
import MaterialReserveAPI
import Testing

/// An incident at a township answered through the province's gateway, on real processes: teams from
/// the incident's county, its neighbour through the city and the province's helicopters, with
/// materials, confirmed all or nothing.
@Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayResponseTests {
    static let township = "330106002000"

    /// The teams: two in 西湖区, one in 余杭区, one aviation team at the province (medium helicopters).
    private func putTeams(_ mesh: TestMesh) async throws {
        let scene = try RegionTree.zhejiang.location(of: Self.township).coordinate
        let teams: [(String, RescueTeam)] = [
            ("330106", RescueTeam(id: "XH-RESCUE", name: "西湖区消防救援大队", kind: .fireRescue, specialties: [.mountainCollapse], headcount: 40,
                                  latitude: scene.latitude + 0.01, longitude: scene.longitude, regionCode: "330106")),
            ("330106", RescueTeam(id: "XH-MED", name: "西湖区医疗救护队", kind: .professional, specialties: [.medical], headcount: 12,
                                  latitude: scene.latitude, longitude: scene.longitude + 0.01, regionCode: "330106")),
            ("330110", RescueTeam(id: "YH-BLUESKY", name: "余杭区蓝天救援队", kind: .social, specialties: [.mountainCollapse, .medical],
                                  headcount: 25, latitude: 30.42, longitude: 120.30, regionCode: "330110")),
            ("330000", RescueTeam(id: "ZJ-AIR-1", name: "浙江省航空救援队第1分队", kind: .aviation, specialties: [.mountainCollapse, .medical],
                                  headcount: 10, latitude: 30.23, longitude: 120.43, regionCode: "330109", helicopterClass: .medium)),
        ]
        for (node, team) in teams {
            _ = try await mesh.service("emergency-response", node).call(EmergencyResponseMethods.putTeam, team)
        }
        // A light-helicopter pad right at the scene cannot take the medium helicopter; a medium one 2 km off can.
        let landing = mesh.service("aviation-landing-points", "330000")
        for (id, offset, largest) in [("LP-LIGHT", 0.001, HelicopterClass.light), ("LP-MEDIUM", 0.018, .medium)] {
            _ = try await landing.call(AviationLandingMethods.putPoint, LandingPoint(
                id: id, name: "起降点 \(id)", regionCode: Self.township, latitude: scene.latitude + offset, longitude: scene.longitude,
                largestClass: largest, status: .available))
        }
    }

    private func readiness(_ mesh: TestMesh, _ node: String, _ team: String) async throws -> Readiness {
        try await mesh.service("emergency-response", node).call(EmergencyResponseMethods.getTeam, RecordID(team)).readiness
    }

    @Test func aProposalAcrossTiersIsConfirmedAllOrNothing() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, countyServices: ["hazard-survey", "material-reserve", "emergency-response"])
            try await mesh.startService("emergency-response", "330000")
            try await mesh.startLanding("330000", points: [])
            try await putTeams(mesh)
            try await mesh.loadCounty("330106", township: Self.township, points: 1, units: 40)
            try await mesh.loadCounty("330110", township: "330110005000", points: 1, units: 25)
            let province = try await mesh.client(gatewayOf: "330000")
            // Every service found by the gateways (the province's landing points too).
            _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 && $0.response.teamCount == 4 && $0.landing.points == 2 }

            // A landslide reported at a 西湖区 township through the province is kept by 西湖区's node.
            let incident = try await province.call(GatewayMethods.reportIncident, Incident(
                kind: .landslide, title: "转塘街道山体滑坡", regionCode: Self.township, severity: .large, responseLevel: .three,
                affected: 120, reporter: "转塘街道应急办"))
            #expect(incident.id.hasPrefix("330106-") && incident.status == .reported)
            #expect(incident.latitude != 0, "the township's point stands in for missing coordinates")

            // Four teams: 西湖区 has two, the city adds 余杭区's, the province its helicopters.
            let need = [DispatchLine(itemCode: "3010201", quantity: 50)]
            let proposal = try await province.call(GatewayMethods.propose, ProposalRequest(incidentID: incident.id, teams: 4, needs: need))
            #expect(Set(proposal.teams.map(\.team.id)) == ["XH-RESCUE", "XH-MED", "YH-BLUESKY", "ZJ-AIR-1"], "\(proposal.nodes)")
            #expect(proposal.uncovered.isEmpty && proposal.targetMet)
            #expect(proposal.teams.map(\.etaHours) == proposal.teams.map(\.etaHours).sorted())
            let air = try #require(proposal.teams.first { $0.team.id == "ZJ-AIR-1" })
            #expect(air.node == "330000" && air.landingPointID == "LP-MEDIUM", "the nearest pad that takes a medium helicopter")
            #expect(proposal.materials.lines.map { "\($0.node) \($0.line.quantity)" } == ["330106 40", "330110 10"])

            // 余杭区's node stops between the proposal and its confirmation: nothing stays deployed or reserved.
            mesh.kill("330110")
            let failed = try await province.call(GatewayMethods.confirmProposal, ProposalConfirmRequest(proposal: proposal, requestedBy: "省防指"))
            #expect(!failed.confirmed)
            let outcomes = Dictionary(uniqueKeysWithValues: failed.teams.map { ($0.teamID, $0.outcome) })
            #expect(outcomes == ["XH-RESCUE": .cancelled, "XH-MED": .cancelled, "ZJ-AIR-1": .cancelled, "YH-BLUESKY": .failed], "\(failed.teams)")
            #expect(failed.materials.orders.map(\.outcome) == [.cancelled, .failed], "\(failed.materials.orders)")
            for (node, team) in [("330106", "XH-RESCUE"), ("330106", "XH-MED"), ("330000", "ZJ-AIR-1")] {
                #expect(try await readiness(mesh, node, team) == .standby, "\(team)")
            }
            #expect(try await mesh.pumps("330106") == StockTotals(good: 40))
            let undone = try await mesh.service("emergency-response", "330106").call(
                EmergencyResponseMethods.getDeployment, RecordID("\(proposal.proposalID)/XH-RESCUE"))
            #expect(undone.state == .undone)
            #expect(try await province.call(GatewayMethods.getIncident, RecordID(incident.id)).incident.status == .reported)

            // 余杭区 is back: a new proposal is confirmed everywhere; retrying it deploys nobody twice.
            try await mesh.startCounty("330110")
            var again = try await province.call(GatewayMethods.propose, ProposalRequest(incidentID: incident.id, teams: 4, needs: need))
            for _ in 0..<50 where again.teams.count < 4 || again.materials.lines.count < 2 {
                try await Task.sleep(for: .milliseconds(100))
                again = try await province.call(GatewayMethods.propose, ProposalRequest(incidentID: incident.id, teams: 4, needs: need))
            }
            let confirmed = try await province.call(GatewayMethods.confirmProposal, ProposalConfirmRequest(proposal: again, requestedBy: "省防指"))
            #expect(confirmed.confirmed, "\(confirmed.teams) \(confirmed.materials.orders)")
            #expect(confirmed.teams.allSatisfy { $0.outcome == .approved } && confirmed.materials.orders.map(\.outcome) == [.approved, .approved])
            let retried = try await province.call(GatewayMethods.confirmProposal, ProposalConfirmRequest(proposal: again, requestedBy: "省防指"))
            #expect(retried.confirmed && retried.materials.orders.map(\.orderID) == confirmed.materials.orders.map(\.orderID))
            #expect(try await mesh.pumps("330106") == StockTotals(good: 40, reserved: 40))
            #expect(try await readiness(mesh, "330110", "YH-BLUESKY") == .deployed)
            let record = try await province.call(GatewayMethods.getIncident, RecordID(incident.id))
            #expect(record.incident.status == .responding)
            #expect(record.timeline.filter { $0.kind == .dispatched || $0.kind == .statusChanged }.count >= 1)
            #expect(record.timeline.contains { $0.text.contains(again.proposalID) })
            let summary = try await mesh.waitForSummary(province) { $0.response.teams.contains { $0.readiness == .deployed } }
            #expect(summary.response.teams.filter { $0.readiness == .deployed }.reduce(0) { $0 + $1.teams } == 4)
            #expect(summary.response.openIncidents == [LevelCount(level: .three, open: 1)])

            // Every matching team is out: a further proposal has no one to send.
            await #expect(throws: RPCError.self) {
                _ = try await province.call(GatewayMethods.propose, ProposalRequest(incidentID: incident.id, teams: 1))
            }

            // The first team arrives; one team is released and can be proposed again.
            let arrived = try await province.call(GatewayMethods.arrival, ArrivalReport(incidentID: incident.id, teamID: "XH-RESCUE", actor: "现场指挥部"))
            #expect(arrived.firstArrivalMilliseconds >= arrived.reportedAtMilliseconds)
            _ = try await province.call(GatewayMethods.release, NodeRelease(
                node: "330106", release: ReleaseRequest(idempotencyKey: "\(again.proposalID)/XH-MED", actor: "西湖区应急局")))
            let next = try await province.call(GatewayMethods.propose, ProposalRequest(incidentID: incident.id, teams: 1, needs: need))
            #expect(next.teams.map(\.team.id) == ["XH-MED"])
            let arrivedSummary = try await mesh.waitForSummary(province) { $0.response.incidentsArrived == 1 }
            #expect(arrivedSummary.response.arrivalSeconds >= 0)
            await mesh.close()
        }
    }

    @Test func anIncidentOutsideTheNodesJurisdictionIsRefusedAndNothingIsKept() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, countyServices: ["emergency-response"])
            let county = try await mesh.client(gatewayOf: "330106")
            // 余杭区's township reported to 西湖区's gateway.
            await #expect(throws: RPCError.self) {
                _ = try await county.call(GatewayMethods.reportIncident, Incident(kind: .flood, title: "内涝", regionCode: "330110005000"))
            }
            let service = mesh.service("emergency-response", "330106")
            await #expect(throws: RPCError.self) {
                _ = try await service.call(EmergencyResponseMethods.reportIncident, Incident(kind: .flood, title: "内涝", regionCode: "330110005000"))
            }
            let listed = try await service.call(EmergencyResponseMethods.listIncidents, IncidentQuery())
            #expect(listed.records.isEmpty)
            // An id that names no node below this one.
            await #expect(throws: RPCError.self) { _ = try await county.call(GatewayMethods.getIncident, RecordID("330110-1")) }
            await mesh.close()
        }
    }
}
