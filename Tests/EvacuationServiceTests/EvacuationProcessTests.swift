import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import EvacuationAPI
import Foundation
import Testing

/// The `evacuation` executable as a real process.
@Suite(.timeLimit(.minutes(2)), .serialized) struct EvacuationProcessTests {
    /// Scans acknowledged to clients over the wire, under concurrent load, survive `kill -9` at a
    /// moment the test does not choose: after a restart on the same database every acknowledged scan
    /// is there, and no task is in a state nobody was told about.
    @Test func acknowledgedScansSurviveKill9UnderLoad() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/evacuation.sqlite"
            let first = try NodeProcess("evacuation", ["--region", "330106", "--database", database], directory: dir, name: "a")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await first.port()))
            var csv = "name,national_id,region_code,village,risk_kind\n"
            for n in 0..<2000 {
                let body = "330106" + "1970" + String(format: "%02d", 1 + n % 12) + "01" + String(format: "%03d", n % 1000)
                csv += "村民\(n),\(body)\(NationalID.checkCharacter(for: body)!),330106002000,龙井村,geological\n"
            }
            let report = try await client.call(EvacuationMethods.importCSV, EvacuationImportRequest(kind: .people, csv: csv))
            #expect(report.inserted == 2000 && report.rejected.isEmpty)
            let warning = try await client.call(EvacuationMethods.issueWarning, Warning(
                id: "W-KILL", issuerRegion: "330106", regionCodes: ["330106"], hazard: .rainstorm, level: .red, leadTimeHours: 3,
                validToMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 3_600_000))
            #expect(warning.tasksCreated == 2000)
            var codes: [String] = []
            var cursor = ""
            repeat {
                let page = try await client.call(EvacuationMethods.worklist, WorklistRequest(limit: 1000, cursor: cursor))
                codes += page.records.map(\.transferCode)
                cursor = page.nextCursor
            } while !cursor.isEmpty
            #expect(codes.count == 2000)

            // Eight writers scan people until the process is killed; each remembers what was acknowledged.
            let acknowledged = try await withThrowingTaskGroup(of: [String: TransferState].self) { group in
                for writer in 0..<8 {
                    let mine = codes.enumerated().filter { $0.offset % 8 == writer }.map(\.element)
                    group.addTask {
                        var done: [String: TransferState] = [:]
                        for code in mine {
                            for action in [TransferAction.confirm, .move] {
                                do {
                                    let task = try await client.call(EvacuationMethods.scan,
                                                                     ScanRequest(transferCode: code, action: action, actor: "干部\(writer)"))
                                    done[code] = task.state
                                } catch {
                                    return done
                                }
                            }
                        }
                        return done
                    }
                }
                try await Task.sleep(for: .milliseconds(150 + Int.random(in: 0..<250)))
                await first.stop(signal: SIGKILL)
                var all: [String: TransferState] = [:]
                for try await part in group { all.merge(part) { $1 } }
                return all
            }
            await client.close()
            #expect(first.process.terminationReason == .uncaughtSignal)
            #expect(!acknowledged.isEmpty, "no scan was acknowledged before the kill")
            #expect(acknowledged.values.filter { $0 == .moved }.count < codes.count, "the load ended before the kill")

            let second = try NodeProcess("evacuation", ["--region", "330106", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            var lost = 0
            for (code, state) in acknowledged {
                let task = try await again.call(EvacuationMethods.getTransfer, TransferQuery(transferCode: code))
                // A scan that was written but not yet acknowledged when the process died may have moved it further.
                let kept = task.state == state || (state == .called && task.state == .moved)
                if !kept || task.history.count < (state == .moved ? 2 : 1) { lost += 1 }
            }
            let stats = try await again.call(EvacuationMethods.statistics, StatisticsQuery())
            #expect(stats.called >= Int64(acknowledged.count))
            await again.close()
            await second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }
}
