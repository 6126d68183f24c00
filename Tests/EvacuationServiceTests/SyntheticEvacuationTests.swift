import AnlanRecords
import AnlanRegions
import EvacuationAPI
import EvacuationService
import Testing

/// `evacuation generate`: the same seed gives the same files; each township's people are the people
/// the shared rule (`SyntheticExposure`, which hazard-survey's generator follows too) puts on its points;
/// every record is one the service accepts.
@Suite struct SyntheticEvacuationTests {
    static let today = CivilDay(year: 2026, month: 6, day: 21)!
    static let kindNames: [SyntheticExposure.Risk: String] = [
        .geological: "geological", .flashFlood: "flash-flood", .urbanFlooding: "urban-flooding", .coastal: "coastal",
        .worksite: "worksite", .fishingVessel: "fishing-vessel",
    ]

    @Test func theSameSeedGivesTheSameFiles() throws {
        let data = try SyntheticEvacuation(regionCode: "330106", today: Self.today)
        let a = data.townships(points: 400, seed: 3)
        let b = data.townships(points: 400, seed: 3)
        let c = data.townships(points: 400, seed: 4)
        #expect(SyntheticEvacuation.peopleCSV(a) == SyntheticEvacuation.peopleCSV(b))
        #expect(SyntheticEvacuation.sheltersCSV(a) == SyntheticEvacuation.sheltersCSV(b))
        #expect(SyntheticEvacuation.peopleCSV(a) != SyntheticEvacuation.peopleCSV(c))
        // Another seed names other people, in the same numbers on the same points.
        #expect(a.map { $0.people.map(\.hazardPointIDs) } == c.map { $0.people.map(\.hazardPointIDs) })
    }

    /// 余杭区 (330110) at the province's scale per county: people per township as the shared rule says,
    /// each on a point of their own township, the ids those hazard-survey generates there.
    @Test func peopleFollowTheSharedRuleTownshipByTownship() throws {
        let tree = RegionTree.zhejiang
        let points = 11_120
        let townships = try SyntheticEvacuation(regionCode: "330110", today: Self.today).townships(points: points, seed: 1)
        let rule = SyntheticExposure(leaves: try tree.leaves(under: "330110"), points: points)
        #expect(townships.map(\.share.region.code) == rule.townships.map(\.region.code))
        #expect(rule.points == points)
        #expect(rule.people == 5_894)  // 11,120 × 0.53, rounded
        #expect(townships.reduce(0) { $0 + $1.people.count } == rule.people)
        var next = 1
        for (township, share) in zip(townships, rule.townships) {
            #expect(share.firstPoint == next)
            next += share.points
            #expect(township.people.count == share.people, "\(share.region)")
            let ids = Set(share.pointIDs)
            var perPoint: [String: Int] = [:]
            for person in township.people {
                #expect(person.regionCode == share.region.code)
                // The risk kind of the person's point, from which hazard-survey draws its type.
                if let id = person.hazardPointIDs.first, let n = Int(id.dropFirst(3)), ids.contains(id) {
                    #expect(person.riskKind.name == Self.kindNames[share.risks[n - share.firstPoint]])
                }
                #expect(!person.hazardPointIDs.isEmpty && person.hazardPointIDs.allSatisfy(ids.contains), "\(person.hazardPointIDs)")
                for id in person.hazardPointIDs { perPoint[id, default: 0] += 1 }
            }
            // The people hazard-survey registers for transfer at each point are these people.
            for (id, exposed) in zip(share.pointIDs, share.exposed) { #expect(perPoint[id, default: 0] == exposed, "\(id)") }
        }
        // More points, and so more people, where the townships are rural.
        let rural = rule.townships.filter { !$0.region.name.hasSuffix("街道") }
        let urban = rule.townships.filter { $0.region.name.hasSuffix("街道") }
        if !rural.isEmpty, !urban.isEmpty {
            #expect(Double(rural.reduce(0) { $0 + $1.points }) / Double(rural.count)
                    > Double(urban.reduce(0) { $0 + $1.points }) / Double(urban.count))
        }
    }

    @Test func everyRecordIsValidAndPlausible() async throws {
        let townships = try SyntheticEvacuation(regionCode: "330106", today: Self.today).townships(points: 2_000, seed: 1)
        let people = townships.flatMap(\.people)
        #expect(people.count == 1_060)
        #expect(Set(people.map(\.transferCode)).count == people.count)
        #expect(Set(people.map(\.nationalID)).count == people.count)
        for person in people {
            #expect(try TransferCode.parse(person.transferCode) == person.transferCode)
            #expect(try NationalID.validate(person.nationalID) == person.nationalID)
            #expect(person.nationalID.hasPrefix("330106"))
            let id = person.nationalID
            let birth = CivilDay(year: Int(id.dropFirst(6).prefix(4))!, month: Int(id.dropFirst(10).prefix(2))!, day: Int(id.dropFirst(12).prefix(2))!)!
            let seventieth = CivilDay(year: birth.year + 70, month: birth.components.month, day: min(birth.components.day, 28))!
            #expect(person.needs.contains(.elderly) == (seventieth <= Self.today), "\(id) \(person.needs)")
            #expect(!person.cadre.isEmpty && !person.village.isEmpty && !person.shelterID.isEmpty)
        }
        let vulnerable = Double(people.filter(\.isVulnerable).count) / Double(people.count)
        #expect((0.12...0.25).contains(vulnerable), "\(vulnerable)")
        // 村包户: 10–30 households a cadre, so at most 120 people (households of 1–4).
        let byCadre = Dictionary(grouping: people, by: { $0.cadre + $0.cadrePhone + $0.village })
        #expect(byCadre.values.allSatisfy { $0.count <= 120 })
        #expect(byCadre.count >= people.count / 120)

        for township in townships {
            let places = township.shelters.reduce(0) { $0 + $1.capacity }
            #expect(places >= Int64(township.people.count) * 3 / 2, "\(township.share.region)")
            #expect(township.shelters.contains { $0.kind == .school })
            let ids = Set(township.shelters.map(\.id))
            #expect(township.people.allSatisfy { ids.contains($0.shelterID) })
            let centre = try RegionTree.zhejiang.location(of: township.share.region.code).coordinate
            for shelter in township.shelters {
                #expect(abs(shelter.latitude - centre.latitude) < 0.02 && abs(shelter.longitude - centre.longitude) < 0.02)
                #expect(shelter.regionCode == township.share.region.code)
            }
        }

        // The service takes every row.
        let fixture = try EvacuationFixture()
        let report = try await fixture.evacuation.importCSV(.people, bytes: Array(SyntheticEvacuation.peopleCSV(townships).utf8), source: "people")
        #expect(report.rejected == [] && report.inserted == 1_060, "\(report.summary)")
        let shelters = try await fixture.evacuation.importCSV(.shelters, bytes: Array(SyntheticEvacuation.sheltersCSV(townships).utf8), source: "shelters")
        #expect(shelters.rejected == [] && shelters.inserted == Int64(townships.flatMap(\.shelters).count), "\(shelters.summary)")
    }
}
