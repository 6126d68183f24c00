import AnlanRecords
import AnlanRegions
import HazardSurveyService
import Testing

/// `hazard-survey generate`'s points follow the rule evacuation's generator places its people by
/// (`SyntheticExposure`), at figures of the province's order.
@Suite struct SyntheticSurveyTests {
    /// 余杭区 (330110) at the province's scale per county (11,120 points, as `scripts/province.sh`).
    @Test func pointsAndTheirPeopleFollowTheSharedRule() throws {
        let points = 11_120
        let text = try SyntheticSurvey(regionCode: "330110", today: testToday).pointsCSV(count: points, seed: 5)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == points)
        let rule = SyntheticExposure(leaves: try RegionTree.zhejiang.leaves(under: "330110"), points: points)
        let families: [SyntheticExposure.Risk: Set<String>] = [
            .geological: ["landslide", "collapse", "debris-flow", "ground-subsidence"], .flashFlood: ["flash-flood", "river-flood"],
            .urbanFlooding: ["urban-waterlogging", "rainstorm"], .coastal: ["storm-surge", "typhoon"],
            .worksite: ["rainstorm", "typhoon", "landslide"], .fishingVessel: ["typhoon"],
        ]
        var row = 0
        var population = 0
        for share in rule.townships {
            for (k, (id, exposed)) in zip(share.pointIDs, share.exposed).enumerated() {
                let fields = rows[row]
                if exposed > 0 { #expect(families[share.risks[k]]!.contains(fields[4]), "\(id): \(fields[4]) for \(share.risks[k])") }
                #expect(fields[0] == id && fields[1] == share.region.code, "\(fields)")
                #expect(Int(fields[7]) == exposed, "\(id): registered for transfer")
                #expect(Int(fields[6])! >= exposed && Int(fields[6])! <= exposed + 6, "\(id): population at risk")
                population += Int(fields[6])!
                row += 1
            }
        }
        // A county's share of the province's 530,000 coded people and a few million at risk.
        #expect(rows.reduce(0) { $0 + Int($1[7])! } == 5_894)
        #expect((3 * points...4 * points).contains(population), "\(population)")
    }

    @Test func anotherSeedMovesNothingBetweenTownships() throws {
        let data = try SyntheticSurvey(regionCode: "330106", today: testToday)
        func layout(_ seed: UInt64) -> [[String]] {
            data.pointsCSV(count: 500, seed: seed).split(separator: "\n").map { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return [fields[0], fields[1], fields[7]]
            }
        }
        #expect(layout(1) == layout(2))
        #expect(data.pointsCSV(count: 500, seed: 1) != data.pointsCSV(count: 500, seed: 2))
    }
}
