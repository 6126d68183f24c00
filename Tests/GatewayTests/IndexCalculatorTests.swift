import Foundation
import GatewayAPI
import HazardSurveyAPI
@testable import GatewayService
import Testing
import TrainingRecordsAPI

/// The control-power indices' rules on a summary whose figures are set by hand, the expected scores
/// worked out in the comments from the bundled configuration (docs/INDICES.md).
@Suite struct IndexCalculatorTests {
    static func summary() -> RegionSummary {
        var summary = RegionSummary(regionCode: "330106", asOfMilliseconds: 1_000, freshness: .fresh)
        summary.hazard.hiddenHazards.closed = 10
        summary.hazard.hiddenHazards.closedOnTime = 8
        summary.hazard.hiddenHazards.overdue = 2
        summary.hazard.hiddenHazards.listedOpen = 1
        summary.hazard.hiddenHazards.majorOpen = 1
        var cell = EnterpriseCell()
        cell.enterprises = 50
        summary.hazard.enterpriseCells = [cell]
        summary.training.coverage = [CoverageLine(role: .enterprisePrincipal, village: false, trained: 60, people: 100, targetPercent: 80, met: false,
                                                  counts: "")]
        summary.coverage = [TierCoverage(tier: 4, reporting: 3, expected: 3)]
        return summary
    }

    @Test func aWorkSafetyIndexIsTheWeightedMeanOfTheIndicatorsWithData() throws {
        let calculator = IndexCalculator(configuration: try .bundled())
        let indices = calculator.indices(Self.summary())
        let safety = try #require(indices.first { $0.kind == .workSafety })
        let scores = Dictionary(uniqueKeysWithValues: safety.values.map { ($0.id, $0.score) })
        // closed on time 8/10 = 0.8 on [0.5, 1] → 60; overdue and listed (2 + 1) per 100 of 50 enterprises = 6
        // on [10, 0] → 40; major open 1 per 100 of 50 = 2 on [2, 0] → 0; training min(60, 80) of 80 = 0.75 → 50;
        // cadres: nobody, missing; reporting (3 + 1) of (3 + 1) → 100.
        #expect(scores["hazards-closed-on-time"] == 60 && scores["hazards-overdue-listed"] == 40 && scores["major-hazards-open"] == 0)
        #expect(scores["safety-training"] == 50 && scores["mesh-reporting"] == 100)
        let cadres = try #require(safety.values.first { $0.id == "cadre-training" })
        #expect(cadres.score == nil && cadres.value == nil && !cadres.missingReason.isEmpty, "no data is not zero")
        // (25·60 + 20·40 + 15·0 + 15·50 + 15·100) / 90 = 50.56; reliability 90 of 100 weight × all nodes fresh.
        #expect(safety.score == 50.6)
        #expect(safety.reliability == 0.9 && safety.indicatorsWithData == 5 && safety.indicators == 6)
        #expect(safety.configurationVersion == calculator.configuration.version)
    }

    @Test func tooLittleDataIsNotScoredAndAStaleRegionIsLessReliable() throws {
        let calculator = IndexCalculator(configuration: try .bundled())
        var summary = Self.summary()
        let disaster = try #require(calculator.indices(summary).first { $0.kind == .naturalDisaster })
        // Only the reporting indicator (10 of 100) has data: below the minimum half, no score.
        #expect(disaster.score == nil && disaster.indicatorsWithData == 1 && disaster.reliability == 0.1)
        summary.freshness = .stale
        summary.coverage = [TierCoverage(tier: 4, reporting: 1, expected: 3)]
        let stale = try #require(calculator.indices(summary).first { $0.kind == .workSafety })
        // Reporting (1 + 0) of (3 + 1) = 0.25 → 0 on [0.8, 1]; reliability 0.9 × 0.25.
        #expect(stale.freshness == .stale && stale.reliability == 0.225)
        #expect(stale.values.first { $0.id == "mesh-reporting" }?.score == 0)
    }

    @Test func aConfigurationNamingAnUnknownIndicatorIsRefused() throws {
        let json = #"{"version": "x", "minimumWeightShare": 0.5, "indices": [{"kind": "work-safety", "indicators": [{"id": "happiness", "weight": 1, "worst": 0, "best": 1}]}]}"#
        #expect(throws: IndexConfigurationError.self) { try IndexConfiguration.load(Data(json.utf8)) }
        let zero = #"{"version": "x", "minimumWeightShare": 0.5, "indices": [{"kind": "work-safety", "indicators": [{"id": "mesh-reporting", "weight": 0, "worst": 0, "best": 1}]}]}"#
        #expect(throws: IndexConfigurationError.self) { try IndexConfiguration.load(Data(zero.utf8)) }
    }

    @Test func theIndicatorThatMovedMostIsNamedWithItsWeightedChange() throws {
        var before = ControlIndex(regionCode: "330106", kind: .workSafety)
        before.values = [IndicatorValue(id: "a", score: 50, weight: 0.5), IndicatorValue(id: "b", score: 80, weight: 0.2)]
        var now = before
        now.values = [IndicatorValue(id: "a", score: 56, weight: 0.5), IndicatorValue(id: "b", score: 40, weight: 0.2)]
        // a: +6 × 0.5 = +3; b: −40 × 0.2 = −8.
        let moved = try #require(Gateway.mostMoved(now, since: before))
        #expect(moved.id == "b" && moved.by == -8)
        #expect(Gateway.month(before: "2026-01") == "2025-12" && Gateway.month(before: "2026-12") == "2026-11")
        #expect(throws: (any Error).self) { try Gateway.validMonth("2026-13") }
    }
}
