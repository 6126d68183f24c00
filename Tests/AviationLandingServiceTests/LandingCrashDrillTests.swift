import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import AviationLandingAPI
import Testing

/// aviation-landing-points killed with SIGKILL at random moments while eight writers put landing
/// points: every acknowledged point is there after each restart.
@Suite(.timeLimit(.minutes(5))) struct LandingCrashDrillTests {
    @Test func acknowledgedPointsSurviveKill9UnderLoad() async throws {
        let drill = CrashDrill(executable: "aviation-landing-points", arguments: ["--region", "330106"], write: { client, round, writer, n in
            let id = "TF-\(round)-\(writer)-\(n)"
            return try await client.call(AviationLandingMethods.putPoint, CoverageTests.point(id, "330106011000", 30.17, 120.06)).id
        }, isKept: { client, key in
            try await CrashDrill.exists { () async throws(RPCError) in try await client.call(AviationLandingMethods.getPoint, RecordID(key)) }
        })
        let report = try await drill.run(rounds: 2)
        #expect(report.isClean, "\(report)")
    }
}
