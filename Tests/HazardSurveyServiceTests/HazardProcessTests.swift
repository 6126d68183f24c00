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
            await first.stop(signal: SIGKILL)
            #expect(first.process.terminationReason == .uncaughtSignal)

            let second = try NodeProcess("hazard-survey", ["--region", "330106", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            let recovered = try await again.call(HazardSurveyMethods.getHidden, RecordID("HH-1"))
            #expect(recovered == assigned)
            #expect(recovered.state == .assigned)
            let stats = try await again.call(HazardSurveyMethods.statistics, StatisticsRequest())
            #expect(stats.hazardPoints == 1)
            await again.close()
            await second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }

    /// docs/PROTOCOL.md is enough to call the service from another language: the independent Python
    /// client (scripts/anlan_probe.py, written from the document alone) asks for statistics and gets
    /// the counts, and gets an invalid transition's ERROR with the status and message.
    @Test func anIndependentPythonClientCallsTheService() async throws {
        try await withTemporaryDirectory { dir in
            let node = try NodeProcess("hazard-survey", ["--region", "330106", "--database", dir + "/h.sqlite"], directory: dir, name: "p")
            let port = try await node.port()
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port))
            _ = try await client.call(HazardSurveyMethods.createPoint, point("HP-1", population: 321, transfer: 123))
            _ = try await client.call(HazardSurveyMethods.createHidden, hiddenHazard("HH-1", discovered: CivilDay.today))
            await client.close()

            let stats = try await python(["--port", "\(port)", "--call", "0x0231", "--string", "1=330106002000"])
            #expect(stats.status == 0, "\(stats.output)")
            #expect(stats.output.contains("RESPONSE to request 2 (method 0x0231"))
            #expect(stats.output.contains("330106002000"))
            #expect(stats.output.contains("321") && stats.output.contains("123"), "people at risk and for transfer: \(stats.output)")

            // TransitionRequest: 1 id, 2 action (6 = close), 3 actor, 5 evidence.
            let close = try await python(["--port", "\(port)", "--call", "0x0225", "--string", "1=HH-1", "--uint", "2=6",
                                    "--string", "3=督查组", "--string", "5=销号单"])
            #expect(close.status == 3)
            #expect(close.output.contains("failedPrecondition (4)"), "\(close.output)")
            #expect(close.output.contains("is discovered"))

            // A HELLO announcing a frame limit below 1,024 is refused: the server could not answer within it.
            let tiny = try await python(["--port", "\(port)", "--max-frame-size", "50"])
            #expect(tiny.status == 1 && tiny.output.contains("protocolError") && tiny.output.contains("below the minimum of 1024"), "\(tiny.output)")
            let smallest = try await python(["--port", "\(port)", "--max-frame-size", "1024"])
            #expect(smallest.status == 0, "\(smallest.output)")
            // A PING may carry id 0: answered by a PONG with id 0, the connection unharmed.
            let zero = try await python(["--port", "\(port)", "--ping-id", "0", "--echo", "台风"])
            #expect(zero.status == 0 && zero.output.contains("PING id 0: RTT"), "\(zero.output)")
            // A frame of an unknown kind with id 0 is ignored, not answered with a connection-level ERROR.
            let unknown = try await python(["--port", "\(port)", "--unknown-kind", "0x0a", "--unknown-id", "0", "--echo", "台风"])
            #expect(unknown.status == 0 && !unknown.output.contains("connection-level ERROR"), "\(unknown.output)")
            // A zip bomb to an unknown method is answered unimplemented (its payload is never inflated); to a
            // known method, its inflation is refused: protocolError.
            let unknownBomb = try await python(["--port", "\(port)", "--call", "0x7777", "--zip-bomb"])
            #expect(unknownBomb.status == 3 && unknownBomb.output.contains("unimplemented"), "\(unknownBomb.output)")
            let knownBomb = try await python(["--port", "\(port)", "--call", "0x0231", "--zip-bomb"])
            #expect(knownBomb.status == 3 && knownBomb.output.contains("protocolError"), "\(knownBomb.output)")
            // The compressed flag on a PING is ignored: its 8 bytes come back as they were.
            let flagged = try await python(["--port", "\(port)", "--ping-flags", "1"])
            #expect(flagged.status == 0 && flagged.output.contains("RTT"), "\(flagged.output)")
            // node.echo is not timed: a 1 ms budget is answered, not deadlineExceeded.
            let quick = try await python(["--port", "\(port)", "--budget", "1", "--echo", "一毫秒"])
            #expect(quick.status == 0 && quick.output.contains("一毫秒"), "\(quick.output)")
            // node.echo returns field 1 unchanged and only field 1: the request is decoded like any other.
            let echo = try await python(["--port", "\(port)", "--call", "0x0002", "--string", "1=台风来了", "--string", "9=不回"])
            #expect(echo.status == 0 && echo.output.contains("台风来了") && !echo.output.contains("不回"), "\(echo.output)")
            await node.stop(signal: SIGTERM)
        }
    }

    func python(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await runPythonProbe(arguments)
    }
}
