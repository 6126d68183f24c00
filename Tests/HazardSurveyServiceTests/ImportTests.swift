import AnlanRPC
import AnlanRecords
import HazardSurveyAPI
@testable import HazardSurveyService
import Testing

@Suite struct ImportTests {
    static let points = """
        id,region,lat,lon,type,band,population,transfer,responsible,phone,surveyed_on,department
        HP-1,330106002000,30.26,120.14,landslide,1,120,80,王伟,0571-87000001,2026-03-01,自然资源
        HP-2,330106003000,30.24,120.10,flash-flood,II,300,250,"李娜, 副站长",13800000000,,水利
        HP-3,330106002000,30.26,120.14,volcano,1,10,5,张三,,,
        HP-4,330212003000,29.80,121.55,typhoon,3,10,5,张三,,,
        HP-5,330106002000,30.26,120.14,typhoon,7,10,5,张三,,,
        HP-6,330106002000,30.26,120.14,typhoon,3,10,50,张三,,,
        HP-1,330106002000,30.26,120.14,typhoon,3,10,5,张三,,,
        HP-8,330106,30.26,120.14,typhoon,3,10,5,张三,,,
        HP-9,330106002000,95,120.14,typhoon,3,10,5,张三,,,
        HP-10,330106002000,30.26,120.14,typhoon,3,10,5,张三,,2099-01-01,
        HP-11,330106002000,30.26,120.14,typhoon,3,ten,5,张三,,,
        HP-12,"330106002000,30.26,120.14,typhoon,3,10,5,张三,,,
        HP-13,330106002000,30.26,120.14,typhoon,3,100000001,5,张三,,,
        HP-14,330106002000,30.26,120.14,typhoon,3,10,5,张三,,,
        """

    @Test func badRowsAreReportedByLineAndGoodRowsCommitted() async throws {
        try await withSurvey { survey, _ in
            let report = try await survey.importCSV(.points, bytes: Array(Self.points.utf8), source: "points.csv")
            #expect(report.rows == 14)
            #expect(report.inserted == 3, "the row after a never-closed quote is read as a row")
            #expect(report.rejected.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
            let reasons = Dictionary(uniqueKeysWithValues: report.rejected.map { ($0.line, $0.reason) })
            #expect(reasons[4]?.contains("unknown hazard type \"volcano\"") == true)
            #expect(reasons[5]?.contains("outside this node's region") == true)
            #expect(reasons[6]?.contains("risk band 7") == true)
            #expect(reasons[7]?.contains("exceed the population at risk") == true)
            #expect(reasons[8]?.contains("already appears on line 2") == true)
            #expect(reasons[9]?.contains("is a county") == true)
            #expect(reasons[10]?.contains("coordinates") == true)
            #expect(reasons[11]?.contains("in the future") == true)
            #expect(reasons[12]?.contains("not a whole number") == true)
            #expect(reasons[13]?.contains("never closed") == true)
            #expect(reasons[14]?.contains("over 100000000") == true)

            let second = try await survey.point(id: "HP-2")
            #expect(second.band == 2)
            #expect(second.responsiblePerson == "李娜, 副站长")
            #expect(second.surveyedOn == nil)
            #expect(try await survey.statistics(StatisticsRequest()).hazardPoints == 3)
        }
    }

    @Test func reimportingTheSameFileChangesNothing() async throws {
        try await withSurvey { survey, _ in
            let data = try SyntheticSurvey(regionCode: "330106", today: testToday)
            let enterprises = data.enterprisesCSV(count: 40)
            let points = data.pointsCSV(count: 300)
            let hidden = data.hiddenHazardsCSV(count: 60, enterprises: 40)
            for (kind, text) in [(HazardRecordKind.enterprises, enterprises), (.points, points), (.hiddenHazards, hidden)] {
                let first = try await survey.importCSV(kind, bytes: Array(text.utf8), source: kind.name)
                #expect(first.rejected == [], "\(kind): \(first.summary)")
                #expect(first.inserted == first.rows)
            }
            let before = try await snapshot(survey)
            for (kind, text) in [(HazardRecordKind.enterprises, enterprises), (.points, points), (.hiddenHazards, hidden)] {
                let again = try await survey.importCSV(kind, bytes: Array(text.utf8), source: kind.name)
                #expect(again.unchanged == again.rows && again.inserted == 0 && again.updated == 0, "\(kind): \(again.summary)")
            }
            #expect(try await snapshot(survey) == before)
            #expect(try await survey.enterprise(id: "EN-1").gradeHistory.count == 1)
            #expect(try await survey.hidden(id: "HH-1").history.count == 1)
        }
    }

    /// Statistics are kept between requests, and a write — this node's, or an import into the same file
    /// by another process (here another connection) — is seen by the next request.
    @Test func keptStatisticsFollowEveryWrite() async throws {
        try await withSurvey { survey, dir in
            let data = try SyntheticSurvey(regionCode: "330106", today: testToday)
            _ = try await survey.importCSV(.points, bytes: Array(data.pointsCSV(count: 30).utf8), source: "points")
            func points() async throws -> Int64 {
                try await survey.statistics(StatisticsRequest(regionCode: "330106")).pointCells.reduce(0) { $0 + $1.points }
            }
            #expect(try await points() == 30)
            #expect(try await points() == 30)
            #expect(survey.core.statisticsCache.computations == 1, "the second answer is the kept one")
            _ = try await survey.createPoint(point("OWN-1"))
            #expect(try await points() == 31)
            let other = try HazardSurvey(databasePath: dir + "/hazard.sqlite", regionCode: "330106", logger: quietLogger)
            _ = try await other.importCSV(.points, bytes: Array(data.pointsCSV(count: 10, firstID: 1000).utf8), source: "points")
            #expect(try await points() == 41)
        }
    }

    /// 龙港市 (330383) has no townships: its demo records sit at the county itself, and import cleanly.
    @Test func aCountyWithoutTownshipsGetsDemoDataToo() async throws {
        let points = try SyntheticSurvey(regionCode: "330383", today: testToday).pointsCSV(count: 20)
        #expect(points.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",330383,") })
        try await withSurvey(region: "330300") { survey, _ in
            let report = try await survey.importCSV(.points, bytes: Array(points.utf8), source: "points")
            #expect(report.rejected == [] && report.inserted == 20, "\(report.summary)")
            // Counted in its own and its city's statistics (the township and the county tallies).
            for code in ["330383", "330300"] {
                let figures = try await survey.statistics(StatisticsRequest(regionCode: code))
                #expect(figures.pointCells.reduce(0) { $0 + $1.points } == 20)
            }
            #expect(try await survey.statistics(StatisticsRequest(regionCode: "330383", exactRegion: true)).pointCells.reduce(0) { $0 + $1.points } == 20)
        }
    }

    @Test func aChangedRowIsAnUpdateAndRegradesWithHistory() async throws {
        try await withSurvey { survey, _ in
            let header = "id,name,credit_code,region,sector,major_hazard_source,grade\n"
            let first = header + "EN-1,杭州某化工有限公司,91330100799655058B,330106002000,hazardous-chemicals,yes,orange\n"
            let second = header + "EN-1,杭州某化工有限公司,91330100799655058B,330106002000,hazardous-chemicals,yes,red\n"
            _ = try await survey.importCSV(.enterprises, bytes: Array(first.utf8), source: "a.csv")
            let report = try await survey.importCSV(.enterprises, bytes: Array(second.utf8), source: "b.csv")
            #expect(report.updated == 1)
            let enterprise = try await survey.enterprise(id: "EN-1")
            #expect(enterprise.gradeHistory.map(\.grade) == [.orange, .red])
            #expect(enterprise.gradeHistory.last?.previous == .orange)
            #expect(try await survey.statistics(StatisticsRequest()).colour == .red)
        }
    }

    @Test func aFileWithoutRequiredColumnsIsRefusedWhole() async throws {
        try await withSurvey { survey, _ in
            let failure = await status { try await survey.importCSV(.points, bytes: Array("id,region\nHP-1,330106002000\n".utf8), source: "x.csv") }
            #expect(failure?.0 == .invalidArgument)
            #expect(failure?.1.contains("missing columns lat") == true)
        }
    }

    /// Everything the node holds, as exported CSV and statistics.
    func snapshot(_ survey: HazardSurvey) async throws -> [String] {
        var texts: [String] = []
        for kind in HazardRecordKind.allCases {
            var text = ""
            try await survey.exportCSV(kind, regionCode: "", rowsPerChunk: 50) { text += $0.text }
            texts.append(text)
        }
        texts.append("\(try await survey.statistics(StatisticsRequest()))")
        return texts
    }
}
