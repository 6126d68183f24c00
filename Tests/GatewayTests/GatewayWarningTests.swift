import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import EvacuationAPI
import AnlanNode
import Foundation
import GatewayAPI
import Testing

/// Warnings down the tiers, across real processes: province → 杭州市 → 西湖区 (with its township
/// 330106002000's own node) and 余杭区, an evacuation service at each of 西湖区, the township and 余杭区.
@Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayWarningTests {
    /// A red warning issued at the province for 杭州市 creates transfer tasks at every node holding people
    /// there; the township's scans show in the province's summary; 余杭区, whose gateway was down when it
    /// was issued, gets it once its gateway is back, and issuing it again creates nothing.
    @Test func aWarningIssuedAtTheProvinceReachesTheTownshipAndIsCounted() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            try await mesh.startService("evacuation", "330106")
            try await mesh.startService("evacuation", "330110")
            try await mesh.startTownship("330106002000")
            // 西湖区's node keeps 2 people of a township without a node; the township's node its own 3;
            // 余杭区's node 2.
            _ = try await mesh.codePeople(2, at: "330106", township: "330106003000", first: 0)
            let township = try await mesh.codePeople(3, at: "330106002000", township: "330106002000", first: 10)
            _ = try await mesh.codePeople(2, at: "330110", township: "330110005000", first: 20)
            let province = try await mesh.client(gatewayOf: "330000")
            let everyone = try await mesh.waitForSummary(province) { $0.evacuation.coded == 7 && $0.nodesReporting == 4 }
            #expect(everyone.evacuation.toMove == 0 && everyone.evacuation.activeWarnings == 0)

            // 余杭区's gateway is down when the warning is issued.
            mesh.stopGateway("330110")
            let warning = Warning(id: "ZJ-2026-TY-07", issuerRegion: "330000", regionCodes: ["330100"], hazard: .typhoon, level: .red,
                                  leadTimeHours: 24, headline: "台风红色预警", sender: "浙江省防指")
            let delivery = try await province.call(GatewayMethods.issueWarning, warning, timeout: .seconds(3))
            #expect(delivery.parts.map(\.name) == ["330100"] && delivery.parts.first?.outcome == .delivered)
            #expect(delivery.tasks == 5, "2 at 西湖区's node, 3 at the township's")
            #expect(delivery.queued == 1, "余杭区 is owed it")

            // The township's cadre calls two people and moves one.
            _ = try await mesh.scan(township[0], .confirm, at: "330106002000")
            _ = try await mesh.scan(township[1], .confirm, at: "330106002000")
            let moved = try await mesh.scan(township[1], .move, at: "330106002000")
            #expect(moved.state == .moved && moved.warningID == warning.id)

            let counted = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0), timeout: .seconds(3))
            #expect(counted.evacuation.coded == 7)
            #expect(counted.evacuation.toMove == 5)
            #expect(counted.evacuation.called == 2)
            #expect(counted.evacuation.moved == 1)
            #expect(counted.evacuation.activeWarnings == 2, "held by 西湖区's node and the township's")
            let xihu = try await province.call(GatewayMethods.children, SummaryRequest(regionCode: "330106", maxAgeMilliseconds: 0))
            let inTownship = try #require(xihu.children.first { $0.regionCode == "330106002000" })
            #expect(inTownship.evacuation.toMove == 3 && inTownship.evacuation.moved == 1)

            // 余杭区's gateway comes back (another port): its city redelivers, and its people are counted.
            try await mesh.startGateway("330110")
            let healed = try await mesh.waitForSummary(province, SummaryRequest(maxAgeMilliseconds: 0)) {
                $0.evacuation.toMove == 7 && $0.nodesReporting == 4
            }
            #expect(healed.evacuation.called == 2 && healed.evacuation.moved == 1)
            #expect(try await mesh.warning(warning.id, at: "330110").tasksCreated == 2)
            try await mesh.waitUntilNothingOwed(by: "330100")

            // Issued again: every part takes it, nothing new is created anywhere.
            let again = try await province.call(GatewayMethods.issueWarning, warning, timeout: .seconds(3))
            #expect(again.tasks == 7 && again.queued == 0)
            let same = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0), timeout: .seconds(3))
            #expect(same.evacuation.toMove == 7 && same.evacuation.called == 2)

            // Lifted at the province: no warning in force anywhere, nothing left to move.
            let lifted = try await province.call(GatewayMethods.liftWarning, LiftRequest(warningID: warning.id, issuerRegion: "330000"))
            #expect(lifted.queued == 0 && lifted.parts.first?.outcome == .delivered)
            let after = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0), timeout: .seconds(3))
            #expect(after.evacuation.activeWarnings == 0 && after.evacuation.toMove == 0)
            #expect(try await mesh.warning(warning.id, at: "330110").status == .lifted)
            await mesh.close()
        }
    }

    /// A gateway refuses a warning whose issuer is below it, or that covers regions its issuer does not govern.
    @Test func aWarningMustComeFromTheNodesTierOrAbove() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            let city = try await mesh.client(gatewayOf: "330100")
            for warning in [
                Warning(id: "W-1", issuerRegion: "330106", regionCodes: ["330106"], level: .red),
                Warning(id: "W-2", issuerRegion: "330100", regionCodes: ["330200"], level: .red),
                Warning(id: "W-3", issuerRegion: "330100", regionCodes: ["330100"], level: .red, leadTimeHours: 5),
            ] {
                do {
                    _ = try await city.call(GatewayMethods.issueWarning, warning)
                    Issue.record("\(warning.id) was accepted")
                } catch let error as RPCError {
                    #expect(error.status == .invalidArgument, "\(warning.id): \(error)")
                }
            }
            await mesh.close()
        }
    }
}
