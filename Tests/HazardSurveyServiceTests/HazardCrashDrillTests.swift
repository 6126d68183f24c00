import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import HazardSurveyAPI
import Testing

/// hazard-survey killed with SIGKILL at random moments while eight writers create hazard points:
/// every acknowledged point is there after each restart (`scripts/bench.sh crash` runs 20 rounds).
@Suite(.timeLimit(.minutes(5))) struct HazardCrashDrillTests {
    @Test func acknowledgedPointsSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "hazard-survey", arguments: ["--region", "330106"], write: { client, round, writer, n in
            try await client.call(HazardSurveyMethods.createPoint, point("HP-\(round)-\(writer)-\(n)")).id
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(HazardSurveyMethods.getPoint, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
