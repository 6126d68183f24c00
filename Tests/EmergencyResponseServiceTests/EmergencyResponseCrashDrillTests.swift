import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import EmergencyResponseAPI
import Testing

/// emergency-response killed with SIGKILL at random moments while eight writers report incidents:
/// every acknowledged incident is there after each restart.
@Suite(.timeLimit(.minutes(5))) struct EmergencyResponseCrashDrillTests {
    @Test func acknowledgedIncidentsSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "emergency-response", arguments: ["--region", "330106"], write: { client, round, writer, n in
            try await client.call(EmergencyResponseMethods.reportIncident, Incident(
                kind: .flood, title: "内涝 \(round)-\(writer)-\(n)", regionCode: "330106002000")).id
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(EmergencyResponseMethods.getIncident, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
