import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// The generator's rule gives Zhejiang's 581 teams over all the nodes, each a team its node accepts.
@Suite struct SyntheticTeamsTests {
    @Test func everyNodesTeamsTogetherAreZhejiangs581() throws {
        let tree = RegionTree.zhejiang
        var all: [RescueTeam] = []
        for region in tree.allRegions where region.tier != .township {
            let teams = try SyntheticTeams(regionCode: region.code).teams()
            #expect(teams.allSatisfy { RegionRange(subtreeOf: region).contains($0.regionCode) }, "\(region)")
            all += teams
        }
        func count(_ kind: TeamKind) -> Int { all.filter { $0.kind == kind }.count }
        #expect(all.count == 581)
        #expect(count(.fireRescue) == 132 && count(.professional) == 188 && count(.social) == 248 && count(.aviation) == 13)
        #expect(Set(all.map(\.id)).count == 581)
        let aviation = all.filter { $0.kind == .aviation }
        #expect(aviation.filter { $0.helicopterClass == .light }.count == 5 && aviation.filter { $0.helicopterClass == .medium }.count == 6
            && aviation.filter { $0.helicopterClass == .heavy }.count == 2)
        #expect(all.filter { $0.kind != .aviation }.allSatisfy { $0.helicopterClass == nil })
        #expect(all.allSatisfy { $0.equipment.contains { $0.code == "satellite-phone" } && !$0.specialties.isEmpty })
        #expect(try SyntheticTeams(regionCode: "330106002000").teams().isEmpty)
    }

    @Test func theSameSeedGivesTheSameTeams() throws {
        let generator = try SyntheticTeams(regionCode: "330106")
        #expect(generator.teams(seed: 7) == generator.teams(seed: 7))
        #expect(generator.teams(seed: 7) != generator.teams(seed: 8))
        let teams = generator.teams()
        #expect(teams.contains { $0.name == "西湖区消防救援大队" })
        #expect(teams.allSatisfy { $0.headcount >= 10 && $0.headcount <= 80 })
    }

    @Test func aNodeImportsItsGeneratedTeamsWhole() async throws {
        for region in ["330000", "330100", "330106"] {
            let fixture = try EmergencyFixture(region: region)
            let teams = try SyntheticTeams(regionCode: region).teams()
            let report = try await fixture.response.importCSV(.teams, bytes: Array(SyntheticTeams.csv(teams).utf8), source: "teams.csv")
            #expect(report.rejected.isEmpty && report.inserted == Int64(teams.count), "\(region): \(report.summary)")
        }
    }
}
