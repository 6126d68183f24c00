import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Foundation
import HazardSurveyAPI
import Testing

/// The `hazard-survey` executable as a real process.
@Suite(.timeLimit(.minutes(1)), .serialized) struct HazardProcessTests {
    /// A hidden hazard and a transition acknowledged to a client survive `kill -9` of the process.
    @Test func acknowledgedWritesSurviveKill9() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/hazard.sqlite"
            let first = try NodeProcess("hazard-survey", ["--region", "330106", "--database", database], directory: dir, name: "a")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await first.port()))
            let today = CivilDay.today
            _ = try await client.call(HazardSurveyMethods.createHidden,
                                      hiddenHazard("HH-1", discovered: today).with(region: "330106002000"))
            let assigned = try await client.call(HazardSurveyMethods.transitionHidden,
                                                 TransitionRequest(id: "HH-1", action: .assign, actor: "西湖区应急管理局"))
            _ = try await client.call(HazardSurveyMethods.createPoint, point("HP-1"))
            // A bad request on the same connection gets a clear error and the server stays up.
            do {
                _ = try await client.call(HazardSurveyMethods.transitionHidden, TransitionRequest(id: "HH-1", action: .close, actor: "x", evidence: "e"))
                Issue.record("an invalid transition was accepted")
            } catch let error as RPCError {
                #expect(error.status == .failedPrecondition)
                #expect(error.message.contains("is assigned"))
            }
            await client.close()
            first.stop(signal: SIGKILL)
            #expect(first.process.terminationReason == .uncaughtSignal)

            let second = try NodeProcess("hazard-survey", ["--region", "330106", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            let recovered = try await again.call(HazardSurveyMethods.getHidden, RecordID("HH-1"))
            #expect(recovered == assigned)
            #expect(recovered.state == .assigned)
            let stats = try await again.call(HazardSurveyMethods.statistics, StatisticsRequest())
            #expect(stats.hazardPoints == 1)
            await again.close()
            second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }
}
