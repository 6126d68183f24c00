import AnlanRecords
import AnlanRPC
import AnlanTestSupport
import Foundation
import GatewayAPI
import HazardSurveyAPI
@testable import GatewayService
import Testing

/// The control-power indices across a real mesh (province → 杭州市 → 西湖区, 余杭区): indicators summed
/// up the tiers, published months kept once, a paused county's last figures used and marked stale.
@Suite(.timeLimit(.minutes(3)), .serialized) struct GatewayIndexTests {
    @Test func aCitysIndicatorsAreItsCountiesSumsAndAMonthIsPublishedOnce() async throws {
        try await withTemporaryDirectory { dir in
            // The bundled weights and goalposts, scoring a region from a tenth of its weight (this mesh has
            // little data), so the whole index can be worked out by hand below.
            var configuration = try IndexConfiguration.bundled()
            configuration.version = "test"
            configuration.minimumWeightShare = 0.1
            let configurationFile = "\(dir)/control-index.json"
            try JSONEncoder().encode(configuration).write(to: URL(fileURLWithPath: configurationFile))
            let mesh = try await TestMesh(directory: dir, indexConfig: configurationFile)
            // 西湖区: 3 points, 40 at risk and 20 registered each (60 of 120); 余杭区: 5 such and one with
            // 100 at risk, all registered (200 of 300).
            try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
            try await mesh.loadCounty("330110", township: "330110005000", points: 5, units: 25)
            _ = try await mesh.service("hazard-survey", "330110").call(HazardSurveyMethods.createPoint, HazardPoint(
                id: "HP-330110-big", regionCode: "330110005000", latitude: 30.4, longitude: 120.0, type: .debrisFlow, band: 1,
                populationAtRisk: 100, registeredForTransfer: 100, responsiblePerson: "李强", responsiblePhone: "0571-86000000",
                surveyedOn: CivilDay("2026-06-01"), sourceDepartment: "水利"))
            let province = try await mesh.client(gatewayOf: "330000")
            _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 && $0.hazard.hazardPoints == 9 }

            let live = try await province.call(GatewayMethods.index, IndexRequest(regionCode: "330100"))
            #expect(live.month.isEmpty && live.region.map(\.kind) == [.workSafety, .naturalDisaster])
            func coded(_ index: ControlIndex?) -> IndicatorValue? { index?.values.first { $0.id == "risk-people-coded" } }
            // The city's: 260 of 420 (0.619), not the mean of 0.5 and 0.667 (0.583).
            let city = try #require(coded(live.region.first { $0.kind == .naturalDisaster }))
            #expect(city.numerator == 260 && city.denominator == 420)
            // Scored on [0.5, 1]: (0.619 − 0.5) / 0.5 = 23.8.
            #expect(city.score == 23.8)
            // The city's natural-disaster index: of its 13 indicators only risk-people-coded (weight 10) and
            // mesh-reporting (10: the city and its 2 counties fresh, 3 of 3 → 100) have data; the rest
            // (reserve norms, shelters, transfers, incidents… none loaded) are missing, not zero.
            // (10 · 23.8 + 10 · 100) / 20 = 61.9; reliability 20 of 100 weight × all fresh = 0.2.
            let disaster = try #require(live.region.first { $0.kind == .naturalDisaster })
            #expect(disaster.score == 61.9 && disaster.reliability == 0.2 && disaster.indicatorsWithData == 2,
                    "\(disaster.score.map { "\($0)" } ?? "none"), \(disaster.reliability), \(disaster.values.filter { $0.score != nil }.map { "\($0.id) \($0.score!)" })")
            #expect(disaster.configurationVersion == "test")
            // Work safety: only mesh-reporting (15 of 100) — scored 100 from 15 % of the weight.
            #expect(live.region.first { $0.kind == .workSafety }.map { $0.score == 100 && $0.reliability == 0.15 } == true)
            let ranking = live.naturalDisasterRanking
            #expect(ranking.count == 13, "杭州市's 13 counties, ranked")
            let yuhang = try #require(ranking.first { $0.index.regionCode == "330110" })
            #expect(coded(yuhang.index)?.numerator == 200 && coded(yuhang.index)?.denominator == 300)
            let quiet = try #require(ranking.first { $0.index.regionCode == "330102" })
            #expect(coded(quiet.index)?.score == nil && coded(quiet.index)?.missingReason.isEmpty == false, "a county with no data has none, not zero")

            // Explained down to the records: 余杭区's overdue major hazard (found 400 days ago), not its new one.
            let hidden = mesh.service("hazard-survey", "330110")
            for (id, days, major) in [("HH-late", -400, true), ("HH-new", 0, false)] {
                _ = try await hidden.call(HazardSurveyMethods.createHidden, HiddenHazard(
                    id: id, regionCode: "330110005000", location: "良渚街道", description: "排水沟堵塞", category: "防洪排涝", major: major,
                    discoveredOn: CivilDay.today.adding(days: days), discoveredBy: "检查组", supervisingTier: 3))
            }
            let overdue = try await province.call(GatewayMethods.indicatorRecords, IndicatorRecordsRequest(regionCode: "330100", indicator: "hazards-overdue-listed"))
            #expect(overdue.hiddenHazards.map(\.id) == ["HH-late"] && overdue.regions.count == 13)
            let majors = try await province.call(GatewayMethods.indicatorRecords, IndicatorRecordsRequest(regionCode: "330100", indicator: "major-hazards-open"))
            #expect(majors.hiddenHazards.map(\.id) == ["HH-late"])
            let coding = try await province.call(GatewayMethods.indicatorRecords, IndicatorRecordsRequest(regionCode: "330100", indicator: "risk-people-coded"))
            #expect(coding.value.numerator == 260 && coding.regions.first?.regionCode == "330106", "西湖区 (0.5) before 余杭区 (0.667): the lowest first")
            await #expect(throws: RPCError.self, "an unknown indicator") {
                try await province.call(GatewayMethods.indicatorRecords, IndicatorRecordsRequest(indicator: "happiness"))
            }

            // Published once: a second publication keeps every snapshot as it was.
            let month = Gateway.month(before: Gateway.currentMonth())
            let first = try await province.call(GatewayMethods.publishIndices, PublishRequest(month: month), timeout: .seconds(5))
            #expect(first.month == month && first.published > 0 && first.alreadyPublished == 0)
            let again = try await province.call(GatewayMethods.publishIndices, PublishRequest(month: month), timeout: .seconds(5))
            #expect(again.published == 0 && again.alreadyPublished == first.published)
            let published = try await province.call(GatewayMethods.index, IndexRequest(regionCode: "330100", month: month))
            #expect(published.month == month && coded(published.region.first { $0.kind == .naturalDisaster })?.numerator == 260)
            #expect(published.naturalDisasterRanking.count == 13)
            await #expect(throws: RPCError.self, "a month never published") {
                try await province.call(GatewayMethods.index, IndexRequest(regionCode: "330100", month: "2024-01"))
            }
            await #expect(throws: RPCError.self, "a month not ended is not published") {
                try await province.call(GatewayMethods.publishIndices, PublishRequest(month: Gateway.currentMonth()))
            }
            await #expect(throws: RPCError.self, "a month not begun") {
                try await province.call(GatewayMethods.index, IndexRequest(month: "2099-01"))
            }

            // 余杭区 hangs: its last figures stand in the live ranking, marked stale.
            mesh.pause("330110")
            let cut = try await province.call(GatewayMethods.index, IndexRequest(regionCode: "330100"), timeout: .seconds(3))
            let stale = try #require(cut.naturalDisasterRanking.first { $0.index.regionCode == "330110" })
            #expect(stale.index.freshness == .stale && coded(stale.index)?.numerator == 200)
            // A month published while it hangs keeps its last figures, marked stale.
            let earlier = Gateway.month(before: month)
            _ = try await province.call(GatewayMethods.publishIndices, PublishRequest(month: earlier), timeout: .seconds(5))
            let kept = try await province.call(GatewayMethods.index, IndexRequest(regionCode: "330100", month: earlier))
            let keptYuhang = try #require(kept.naturalDisasterRanking.first { $0.index.regionCode == "330110" })
            #expect(keptYuhang.index.freshness == .stale && coded(keptYuhang.index)?.numerator == 200 && keptYuhang.index.month == earlier)
            mesh.kill("330110")
            await mesh.close()
        }
    }

    /// Every node publishes the month that ended by itself once its children report fresh (here checked
    /// every half second): the province and a county keep it, each at its own node.
    @Test func theMonthThatEndedIsPublishedByEveryNodeItself() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, publishCheck: "0.5")
            try await mesh.loadCounty("330106", township: "330106002000", points: 3, units: 40)
            let month = Gateway.month(before: Gateway.currentMonth())
            for region in ["330000", "330106"] {
                let gateway = try await mesh.client(gatewayOf: region)
                var report: IndexReport?
                for _ in 0..<100 where report == nil {
                    report = try? await gateway.call(GatewayMethods.index, IndexRequest(month: month))
                    if report == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                let published = try #require(report, "\(region) never published \(month)")
                #expect(published.month == month && published.region.map(\.regionCode) == [region, region])
            }
            await mesh.close()
        }
    }

    @Test func aMonthIsDueWhenEveryChildIsFreshOrOnTheGraceDay() {
        #expect(Gateway.publicationIsDue(allFresh: true, dayOfMonth: 1))
        #expect(!Gateway.publicationIsDue(allFresh: false, dayOfMonth: Gateway.publicationGraceDays - 1))
        #expect(Gateway.publicationIsDue(allFresh: false, dayOfMonth: Gateway.publicationGraceDays))
    }
}
