import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import Foundation
import GatewayAPI
import HazardSurveyAPI
import MaterialReserveAPI
import Testing

/// A real three-tier mesh of processes (province → city 杭州市 → counties 西湖区 and 余杭区): registries,
/// hazard-survey and material-reserve at each county, a gateway at every node.
@Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayMeshTests {
    /// The province's summary is the sum of the counties' own statistics; a hung county does not hold
    /// the answer past its deadline, nor the next one at all (it is suspect), and shows stale with
    /// coverage below 100 % — also after its city's gateway restarts; restarted, it turns fresh again.
    @Test func provinceSummaryIsTheSumAndSurvivesACutOffCounty() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
            try await mesh.loadCounty("330110", township: "330110005000", points: 5, units: 25)
            let province = try await mesh.client(gatewayOf: "330000")

            // Everyone reports; the province's figures are the counties' own, merged.
            let full = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }
            #expect(full.coverage == [TierCoverage(tier: 2, reporting: 1, expected: 1), TierCoverage(tier: 3, reporting: 2, expected: 2)])
            let direct = try await mesh.directStatistics()
            #expect(full.hazard.pointCells == direct.hazard.pointCells)
            #expect(full.hazard.pointCells.reduce(0) { $0 + $1.points } == 8)
            #expect(full.reserve.categories == direct.reserve.categories && full.reserve.storagePoints == 2)
            #expect(full.children.map(\.freshness) == [.fresh])

            // 余杭区's gateway hangs (SIGSTOP): the answer still comes within its deadline.
            mesh.pause("330110")
            let started = ContinuousClock.now
            // The call itself fails with deadlineExceeded if no answer comes within its 1.5 s: that is the
            // check. The elapsed time also counts this machine's scheduling after the answer arrives, which
            // took 1.92 s once with every mesh suite (five of them over TLS) running beside it; the bound
            // only catches a call that hangs past its deadline.
            let cut = try await province.call(GatewayMethods.summary, SummaryRequest(), timeout: .milliseconds(1500))
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .milliseconds(2500), "took \(elapsed)")
            #expect(cut.coverage == [TierCoverage(tier: 2, reporting: 1, expected: 1), TierCoverage(tier: 3, reporting: 1, expected: 2)])
            #expect(cut.hazard.pointCells == direct.hazard.pointCells, "the stale county's last figures are used")
            // 余杭区 is suspect now: the next fresh answer does not wait for it (its last figures stand, stale)
            // while 杭州市's gateway probes it in the background.
            let again = ContinuousClock.now
            let quick = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0), timeout: .milliseconds(1500))
            #expect(ContinuousClock.now - again < .milliseconds(1000), "took \(ContinuousClock.now - again): waited for a suspect child")
            #expect(quick.coverage.last == TierCoverage(tier: 3, reporting: 1, expected: 2) && quick.hazard.pointCells == direct.hazard.pointCells)
            let city = try await province.call(GatewayMethods.children, SummaryRequest(regionCode: "330100"), timeout: .seconds(2))
            let yuhang = try #require(city.children.first { $0.regionCode == "330110" })
            #expect(yuhang.freshness == .stale)
            #expect(city.region.children.first { $0.name == "330110" }?.reason.isEmpty == false)
            // The map's counties: all 90, 余杭区 stale with its last figures, 西湖区 fresh with its own.
            let counties = try await province.call(GatewayMethods.counties, SummaryRequest(), timeout: .seconds(2)).counties
            #expect(counties.count == 90 && counties.map(\.regionCode) == counties.map(\.regionCode).sorted())
            #expect(counties.first { $0.regionCode == "330110" }.map { $0.freshness == .stale && $0.hazard.hazardPoints == 5 } == true)
            #expect(counties.first { $0.regionCode == "330106" }.map { $0.freshness == .fresh && $0.hazard.hazardPoints == 3 } == true)
            #expect(counties.first { $0.regionCode == "330203" }?.freshness == .missing, "宁波市 has no gateway and the province no records")

            // Its processes die; the city's gateway is killed with SIGKILL, restarts and still knows 余杭区's
            // last figures (kept on disk when they arrived).
            mesh.kill("330110")
            try await mesh.restartGateway("330100", signal: SIGKILL)
            let afterRestart = try await mesh.waitForSummary(province) { $0.nodesExpected == 3 && $0.children.first?.freshness == .fresh }
            #expect(afterRestart.coverage.last == TierCoverage(tier: 3, reporting: 1, expected: 2))
            let status = try #require(try await province.call(GatewayMethods.summary, SummaryRequest(regionCode: "330100")).children
                .first { $0.name == "330110" })
            #expect(status.freshness == .stale && status.asOfMilliseconds > 0)

            // 余杭区 comes back: fresh again, full coverage.
            try await mesh.startCounty("330110")
            let healed = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }
            #expect(healed.hazard.pointCells == direct.hazard.pointCells)
            await mesh.close()
        }
    }

    /// With a max age, the province answers from its standing summary and recomposes it in the
    /// background while it is asked for: new figures reach a caller who never asks for a fan-out, and
    /// a caller who accepts no age gets a fan-out of its own.
    @Test func aStandingSummaryIsRecomposedInTheBackground() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, maxAge: "2")
            try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
            let province = try await mesh.client(gatewayOf: "330000")
            _ = try await mesh.waitForSummary(province, SummaryRequest(maxAgeMilliseconds: 0)) {
                $0.nodesReporting == 3 && $0.hazard.hazardPoints == 3
            }

            // Ten minutes' patience: once a summary stands, this caller is never the one who fans out.
            let patient = SummaryRequest(maxAgeMilliseconds: 600_000)
            let first = try await province.call(GatewayMethods.summary, patient)
            #expect(first.hazard.hazardPoints == 3)
            try await mesh.loadCounty("330110", township: "330110005000", points: 5, units: 25)
            // (A recomposition on a loaded machine may find a county slow and keep its last figures: wait
            // for one where both counties answered.)
            let updated = try await mesh.waitForSummary(province, patient) {
                $0.hazard.hazardPoints == 8 && $0.coverage.last == TierCoverage(tier: 3, reporting: 2, expected: 2)
            }
            #expect(updated.asOfMilliseconds > first.asOfMilliseconds)

            let asked = Int64(Date().timeIntervalSince1970 * 1000)
            let fresh = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0))
            #expect(fresh.asOfMilliseconds >= asked)
            #expect(fresh.hazard.hazardPoints == 8)
            await mesh.close()
        }
    }

    /// A province whose every city has a node expects all 11 from the start: the ten that never came up
    /// are missing and the coverage says 1 of 11; without the flag only the cities seen are expected.
    @Test func aFullDeploymentExpectsChildrenThatNeverCameUp() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, everyChildHasANode: ["330000"])
            let province = try await mesh.client(gatewayOf: "330000")
            let summary = try await mesh.waitForSummary(province, SummaryRequest(maxAgeMilliseconds: 0)) {
                $0.children.contains { $0.name == "330100" && $0.freshness == .fresh } && $0.coverage.last?.reporting == 2
            }
            #expect(summary.coverage.first == TierCoverage(tier: 2, reporting: 1, expected: 11))
            #expect(summary.children.count == 11)
            let missing = summary.children.filter { $0.freshness == .missing }
            #expect(missing.count == 10 && missing.allSatisfy { $0.reason.contains("no gateway registered") })
            // That city's summary is marked missing; a region below it is refused as unreachable, not
            // answered as empty.
            let ningbo = try await province.call(GatewayMethods.summary, SummaryRequest(regionCode: "330200", maxAgeMilliseconds: 0))
            #expect(ningbo.freshness == .missing)
            await #expect(throws: RPCError.self) {
                try await province.call(GatewayMethods.summary, SummaryRequest(regionCode: "330203", maxAgeMilliseconds: 0))
            }
            await mesh.close()
        }
    }

    /// Drill-down: a county's townships side by side, routed from the province to the county's gateway.
    @Test func drillDownIsRoutedToTheOwningNode() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
            try await mesh.loadCounty("330110", township: "330110005000", points: 5, units: 25)
            let province = try await mesh.client(gatewayOf: "330000")
            _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 }
            let county = try await province.call(GatewayMethods.children, SummaryRequest(regionCode: "330106"))
            #expect(county.region.regionCode == "330106")
            #expect(county.children.count > 5)
            let withPoints = county.children.filter { !$0.hazard.pointCells.isEmpty }
            #expect(withPoints.map(\.regionCode) == ["330106002000"])
            #expect(withPoints.first?.hazard.pointCells.reduce(0) { $0 + $1.points } == 3)
            await #expect(throws: RPCError.self, "counties are the node's own region's") {
                try await province.call(GatewayMethods.counties, SummaryRequest(regionCode: "330100"))
            }
            let township = try await province.call(GatewayMethods.summary, SummaryRequest(regionCode: "330110005000"))
            #expect(township.hazard.pointCells.reduce(0) { $0 + $1.points } == 5)
            do {
                _ = try await province.call(GatewayMethods.summary, SummaryRequest(regionCode: "999999"))
                Issue.record("an unknown region was answered")
            } catch let error as RPCError {
                #expect(error.status == .invalidArgument)
            }
            await mesh.close()
        }
    }
}
