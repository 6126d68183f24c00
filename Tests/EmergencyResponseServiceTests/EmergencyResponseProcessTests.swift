import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import EmergencyResponseAPI
import Foundation
import Testing

/// The `emergency-response` executable as a real process.
@Suite(.timeLimit(.minutes(2)), .serialized) struct EmergencyResponseProcessTests {
    /// A deployment acknowledged over the wire is on disk: after `kill -9` right after the answer and a
    /// restart on the same database, the deployment is there, the team still deployed, and a retry of
    /// the same key answers the same deployment.
    @Test func anAcknowledgedDeploymentSurvivesKill9() async throws {
        try await withTemporaryDirectory { dir in
            typealias M = EmergencyResponseMethods
            let database = dir + "/emergency-response.sqlite"
            let first = try NodeProcess("emergency-response", ["--region", "330106", "--database", database], directory: dir, name: "a")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await first.port()))
            _ = try await client.call(M.putTeam, RescueTeam(
                id: "T-1", name: "西湖区蓝天救援队", kind: .social, specialties: [.floodWater], headcount: 20,
                latitude: 30.26, longitude: 120.14, regionCode: "330106002000"))
            let incident = try await client.call(M.reportIncident, Incident(kind: .flood, title: "北山街道内涝", regionCode: "330106002000"))
            let request = Deployment(idempotencyKey: "P-1/T-1", teamID: "T-1", incidentID: incident.id)
            let sent = try await client.call(M.deploy, request)
            await first.stop(signal: SIGKILL)
            await client.close()
            #expect(first.process.terminationReason == .uncaughtSignal)

            let second = try NodeProcess("emergency-response", ["--region", "330106", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            #expect(try await again.call(M.getDeployment, RecordID("P-1/T-1")) == sent)
            let team = try await again.call(M.getTeam, RecordID("T-1"))
            #expect(team.readiness == .deployed && team.deployedTo == incident.id && team.deploymentKey == "P-1/T-1")
            #expect(try await again.call(M.deploy, request) == sent)
            await again.close()
            await second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }
}
