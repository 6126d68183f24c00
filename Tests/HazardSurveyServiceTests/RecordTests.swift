import AnlanRPC
import AnlanRecords
import HazardSurveyAPI
import HazardSurveyService
import Testing

@Suite struct RecordTests {
    @Test(arguments: ["91330100799655058B", "91110000802100433B", "91440300708461136T"])
    func realCreditCodesValidate(code: String) throws {
        #expect(try UnifiedSocialCreditCode.validate(code.lowercased()) == code)
    }

    @Test(arguments: [("91330100799655058C", "fails its check"), ("9133010079965505", "18 characters"),
                      ("91330100799655058I", "not allowed")])
    func badCreditCodesSayWhy(code: String, reason: String) {
        do {
            _ = try UnifiedSocialCreditCode.validate(code)
            Issue.record("\(code) accepted")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test func pointsPageThroughASubtreeWithFilters() async throws {
        try await withSurvey { survey, _ in
            let text = try SyntheticSurvey(regionCode: "330106", today: testToday).pointsCSV(count: 250)
            _ = try await survey.importCSV(.points, bytes: Array(text.utf8), source: "p")
            var seen: [String] = []
            var cursor = ""
            repeat {
                let page = try await survey.points(HazardQuery(regionCode: "330106", cursor: cursor, limit: 40))
                #expect(page.records.count <= 40)
                seen += page.records.map(\.id)
                cursor = page.nextCursor
            } while !cursor.isEmpty
            #expect(seen.count == 250 && Set(seen).count == 250)

            let township = try await survey.points(HazardQuery(regionCode: "330106002000", types: [.landslide, .typhoon], bands: [1, 2], limit: 1000))
            #expect(township.records.allSatisfy { $0.regionCode == "330106002000" && [.landslide, .typhoon].contains($0.type) && $0.band <= 2 })
            let wrongFilter = await status { try await survey.points(HazardQuery(states: [.closed])) }
            #expect(wrongFilter?.0 == .invalidArgument)
            let outside = await status { try await survey.points(HazardQuery(regionCode: "330212")) }
            #expect(outside?.1.contains("outside this node's region") == true)
            let badCursor = await status { try await survey.points(HazardQuery(cursor: "garbage")) }
            #expect(badCursor?.0 == .invalidArgument)
        }
    }

    @Test func enterprisesKeepUniqueCreditCodesAndTheirHazards() async throws {
        try await withSurvey { survey, _ in
            let enterprise = Enterprise(id: "EN-1", name: "杭州某化工有限公司", creditCode: "91330100799655058B", regionCode: "330106002000",
                                        sector: .hazardousChemicals, majorHazardSource: true, grade: .orange)
            _ = try await survey.createEnterprise(enterprise)
            #expect(try await survey.createEnterprise(enterprise).gradeHistory.count == 1, "an identical create is a safe retry")
            var other = enterprise
            other.id = "EN-2"
            let taken = await status { try await survey.createEnterprise(other) }
            #expect(taken?.1.contains("already belongs to enterprise EN-1") == true)

            let hazard = try await survey.createHidden(HiddenHazard(id: "HH-1", enterpriseID: "EN-1", description: "储罐区可燃气体报警器失效",
                                                                    major: true, discoveredOn: testToday, discoveredBy: "市督查组", supervisingTier: 2))
            #expect(hazard.regionCode == "330106002000", "the region comes from the enterprise")
            let blocked = await status { try await survey.deleteEnterprise(id: "EN-1") }
            #expect(blocked?.0 == .invalidArgument)
            #expect(try await survey.hiddenHazards(HazardQuery(majorOnly: true, enterpriseID: "EN-1")).records.map(\.id) == ["HH-1"])

            let regraded = try await survey.regrade(RegradeRequest(id: "EN-1", grade: .red, changedBy: "市应急管理局", reason: "重大隐患未整改"))
            #expect(regraded.gradeHistory.map(\.grade) == [.orange, .red])
            #expect(regraded.gradeHistory.last?.changedBy == "市应急管理局")
            #expect(try await survey.enterprises(HazardQuery(grades: [.red])).records.map(\.id) == ["EN-1"])
        }
    }
}
