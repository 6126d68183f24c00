import AnlanRecords
import AnlanRegions
import HazardSurveyAPI
import HazardSurveyService
import Testing

@Suite struct StatisticsTests {
    /// On generated data over a whole city (with points, enterprises and hidden hazards at every level,
    /// then random edits and deletions): for every region, its subtree's statistics equal the merge of
    /// its own records' and each child subtree's — so the gateway can sum children. And the tallies the
    /// statistics read agree with a count of the records themselves.
    @Test func aParentIsTheMergeOfItselfAndItsChildren() async throws {
        try await withSurvey(region: "330100") { survey, _ in
            let data = try SyntheticSurvey(regionCode: "330100", today: testToday)
            for (kind, text) in [(HazardRecordKind.enterprises, data.enterprisesCSV(count: 400, seed: 7)),
                                 (.points, data.pointsCSV(count: 3000, seed: 8)),
                                 (.hiddenHazards, data.hiddenHazardsCSV(count: 600, enterprises: 400, seed: 9))] {
                #expect(try await survey.importCSV(kind, bytes: Array(text.utf8), source: kind.name).rejected == [])
            }
            // County-level records, edits that move points between cells, deletions, and some closed hazards.
            _ = try await survey.createEnterprise(Enterprise(id: "EN-county", name: "区级企业", creditCode: SyntheticSurvey.creditCode(serial: 999_999, county: "330106"),
                                                             regionCode: "330106", sector: .tourism, grade: .red))
            _ = try await survey.createHidden(hiddenHazard("HH-county", region: "330106", tier: 2))
            for n in stride(from: 1, through: 3000, by: 7) {
                var edited = try await survey.point(id: "HP-\(n)")
                edited.band = UInt8(1 + n % 5)
                edited.type = HazardType.allCases[n % 13]
                edited.populationAtRisk += 5
                _ = try await survey.updatePoint(edited)
            }
            for n in stride(from: 2, through: 3000, by: 11) { try await survey.deletePoint(id: "HP-\(n)") }
            for n in stride(from: 1, through: 600, by: 5) {
                for (action, evidence) in [(HiddenHazardAction.assign, ""), (.rectify, "r"), (.inspect, ""), (.close, "c")] {
                    _ = try await survey.transition(TransitionRequest(id: "HH-\(n)", action: action, actor: "a", evidence: evidence))
                }
            }
            _ = try await survey.regrade(RegradeRequest(id: "EN-3", grade: .red, changedBy: "市应急局", reason: "复核"))

            let tree = RegionTree.zhejiang
            var checked = 0
            for region in try [tree.region("330100")] + tree.descendants(of: "330100") where region.tier != .township {
                let whole = try await survey.statistics(StatisticsRequest(regionCode: region.code))
                var parts = [try await survey.statistics(StatisticsRequest(regionCode: region.code, exactRegion: true))]
                for child in try tree.children(of: region.code) {
                    parts.append(try await survey.statistics(StatisticsRequest(regionCode: child.code)))
                }
                #expect(HazardStatistics.merged(parts, regionCode: region.code, asOf: whole.asOf) == whole, "\(region)")
                checked += 1
            }
            #expect(checked == 1 + 13)

            // Tallies against the records themselves.
            let city = try await survey.statistics(StatisticsRequest(regionCode: "330100"))
            var points: [HazardPoint] = []
            var cursor = ""
            repeat {
                let page = try await survey.points(HazardQuery(cursor: cursor, limit: 1000))
                points += page.records
                cursor = page.nextCursor
            } while !cursor.isEmpty
            #expect(city.hazardPoints == Int64(points.count))
            #expect(city.populationAtRisk == points.reduce(0) { $0 + $1.populationAtRisk })
            #expect(city.registeredForTransfer == points.reduce(0) { $0 + $1.registeredForTransfer })
            for type in HazardType.allCases {
                #expect(city.points(of: type) == Int64(points.filter { $0.type == type }.count), "\(type)")
            }
            #expect(city.enterprises == 401)
            #expect(city.hiddenHazards.closed == 120)
            #expect(city.hiddenHazards.open == 481)
            #expect(city.colour == .red)
        }
    }

    @Test func mergingAddsCountsAndKeepsTheWorstColour() throws {
        let a = HazardStatistics(regionCode: "a", pointCells: [PointCell(type: .typhoon, band: 1, points: 2, populationAtRisk: 10, registeredForTransfer: 4)],
                                 enterpriseCells: [EnterpriseCell(grade: .yellow, sector: .tourism, enterprises: 3)],
                                 hiddenHazards: HiddenHazardCounts(open: 2, overdue: 1, closed: 4, closedOnTime: 3))
        let b = HazardStatistics(regionCode: "b", pointCells: [PointCell(type: .typhoon, band: 1, points: 1, populationAtRisk: 5, registeredForTransfer: 5),
                                                               PointCell(type: .landslide, band: 2, points: 1)],
                                 enterpriseCells: [EnterpriseCell(grade: .orange, sector: .construction, enterprises: 1, majorHazardSources: 1)],
                                 hiddenHazards: HiddenHazardCounts(open: 1, closed: 1, closedOnTime: 0))
        let merged = HazardStatistics.merged([a, b], regionCode: "p", asOf: testToday)
        #expect(merged.pointCells == [PointCell(type: .landslide, band: 2, points: 1),
                                      PointCell(type: .typhoon, band: 1, points: 3, populationAtRisk: 15, registeredForTransfer: 9)])
        #expect(merged.colour == .orange)
        #expect(merged.hiddenHazards == HiddenHazardCounts(open: 3, overdue: 1, closed: 5, closedOnTime: 3))
        #expect(merged.majorHazardSources == 1)
        // Round trip on the wire keeps it equal.
        let decoded = try HazardStatistics(decoding: merged.encoded())
        #expect(decoded == merged)
    }
}
