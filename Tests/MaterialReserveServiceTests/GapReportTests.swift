import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

/// Reserve norms against holdings: the shipped flood-season kit, a county norm that depends on the
/// risk level, holdings counted at the tier that owns them, and the roll-up up the tree.
@Suite struct GapReportTests {
    static let today = CivilDay("2026-11-23")!
    static let beishan = "330106002000"   // 北山街道
    static let lingyin = "330106003000"   // 灵隐街道

    func reserve(_ dir: String, region: String = "330106") throws -> MaterialReserve {
        var logger = Logger(label: "gap-test")
        logger.logLevel = .critical
        return try MaterialReserve(databasePath: dir + "/\(region).sqlite", regionCode: region, logger: logger, today: { Self.today })
    }

    func receive(_ reserve: MaterialReserve, _ point: String, _ lines: [(String, Int64)], expiresOn: CivilDay? = nil,
                 status: StockStatus = .good) async throws {
        _ = try await reserve.record(lines.map {
            Movement(storagePointID: point, itemCode: $0.0, status: status, expiresOn: expiresOn, kind: .receive, quantity: $0.1)
        })
    }

    /// 西湖区 (high risk) with 北山 (10 responsible persons, 2 disaster-prone villages) and 灵隐 (4, 0).
    func withCounty(_ body: (MaterialReserve) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let reserve = try reserve(dir)
            try await reserve.putProfile(RegionProfile(regionCode: "330106", riskLevel: .high))
            try await reserve.putProfile(RegionProfile(regionCode: Self.beishan, responsiblePersons: 10, disasterProneVillages: 2))
            try await reserve.putProfile(RegionProfile(regionCode: Self.lingyin, responsiblePersons: 4))
            try await reserve.putNorm(ReserveNorm(tier: 3, riskLevel: .high, itemCode: "3010201", basis: .perRegion, quantity: 20))
            try await reserve.putNorm(ReserveNorm(tier: 3, riskLevel: .medium, itemCode: "3010201", basis: .perRegion, quantity: 10))
            try await reserve.putStoragePoint(StoragePoint(id: "BS", regionCode: Self.beishan, name: "北山物资点", latitude: 30.26, longitude: 120.14, ownerTier: 4))
            try await reserve.putStoragePoint(StoragePoint(id: "LY", regionCode: Self.lingyin, name: "灵隐物资点", latitude: 30.26, longitude: 120.12, ownerTier: 4))
            // The county's own store stands in 北山's area: its pumps count for the county, not for 北山.
            try await reserve.putStoragePoint(StoragePoint(id: "XH", regionCode: Self.beishan, name: "区储备库", latitude: 30.25, longitude: 120.13, ownerTier: 3))
            try await receive(reserve, "BS", [("2010101", 10), ("2030101", 8), ("2040101", 1), ("3010201", 2)])
            try await receive(reserve, "BS", [("2030101", 5)], expiresOn: Self.today.adding(days: -1))  // expired: does not count
            try await receive(reserve, "BS", [("2010301", 7)], status: .damaged)                          // damaged: does not count
            try await receive(reserve, "LY", [("2010101", 4), ("2010301", 4), ("2020101", 4), ("2030101", 4)])
            try await receive(reserve, "XH", [("3010201", 15)])
            try await body(reserve)
        }
    }

    func line(_ item: String, _ required: Int64, _ held: Int64, _ shortfall: Int64) -> GapLine {
        GapLine(itemCode: item, required: required, held: held, shortfall: shortfall)
    }

    @Test func shippedKitAndCountyNormsRollUp() async throws {
        try await withCounty { reserve in
            let report = try await reserve.gaps(GapRequest())
            #expect(report.asOf == Self.today)
            #expect(report.region.regionCode == "330106")
            #expect(report.region.riskLevel == .high)
            #expect(report.region.own == [line("3010201", 20, 15, 5)])
            #expect(report.region.subtree == [
                line("2010101", 14, 14, 0), line("2010301", 14, 4, 10), line("2020101", 14, 4, 10), line("2030101", 14, 12, 2),
                line("2040101", 2, 1, 1), line("2050101", 2, 0, 2), line("3010201", 22, 17, 5),
            ], "a surplus in one region never covers another's shortfall")
            #expect(report.region.assessedRegions == 3)
            #expect(report.region.shortRegions == 2)

            let beishan = try #require(report.children.first { $0.regionCode == Self.beishan })
            #expect(beishan.riskLevel == .high, "a township inherits its county's risk level")
            #expect(beishan.own == [
                line("2010101", 10, 10, 0), line("2010301", 10, 0, 10), line("2020101", 10, 0, 10), line("2030101", 10, 8, 2),
                line("2040101", 2, 1, 1), line("2050101", 2, 0, 2), line("3010201", 2, 2, 0),
            ])
            #expect(report.children.count == 12, "every township of 西湖区, assessed or not")
            let shortOnly = try await reserve.gaps(GapRequest(shortOnly: true))
            #expect(shortOnly.children.map(\.regionCode) == [Self.beishan])

            // One category only; a township's own report.
            let pumps = try await reserve.gaps(GapRequest(itemPrefix: "301"))
            #expect(pumps.region.subtree == [line("3010201", 22, 17, 5)])
            let lingyin = try await reserve.gaps(GapRequest(regionCode: Self.lingyin))
            #expect(lingyin.region.shortRegions == 0 && lingyin.region.own.count == 4)
        }
    }

    @Test func riskLevelsReservationsAndEditedNormsChangeTheGaps() async throws {
        try await withCounty { reserve in
            // Reserved units are promised away: they no longer cover the norm.
            let order = try await reserve.createOrder(DispatchOrder(
                idempotencyKey: "pumps", sourcePointIDs: ["XH"], destinationRegion: Self.lingyin, destinationLatitude: 30.26,
                destinationLongitude: 120.12, lines: [DispatchLine(itemCode: "3010201", quantity: 5)], requestedBy: "test"))
            _ = try await reserve.approve(orderID: order.id)
            #expect(try await reserve.gaps(GapRequest()).region.own == [line("3010201", 20, 10, 10)])

            try await reserve.putProfile(RegionProfile(regionCode: "330106", riskLevel: .medium))
            #expect(try await reserve.gaps(GapRequest()).region.own == [line("3010201", 10, 10, 0)])
            try await reserve.putProfile(RegionProfile(regionCode: "330106", riskLevel: .low))
            #expect(try await reserve.gaps(GapRequest()).region.own == [], "no county norm for low risk")

            // The shipped kit can be changed: two life jackets per person, no flashlights.
            for risk in RiskLevel.allCases {
                try await reserve.putNorm(ReserveNorm(tier: 4, riskLevel: risk, itemCode: "2030101", basis: .perResponsiblePerson, quantity: 2))
                try await reserve.putNorm(ReserveNorm(tier: 4, riskLevel: risk, itemCode: "2020101", basis: .perResponsiblePerson, quantity: 0))
            }
            let subtree = try await reserve.gaps(GapRequest()).region.subtree
            #expect(subtree.first { $0.itemCode == "2030101" } == line("2030101", 28, 12, 16))
            #expect(!subtree.contains { $0.itemCode == "2020101" })
        }
    }

    @Test func badNormsAndProfilesAreRefused() async throws {
        try await withCounty { reserve in
            let cases: [(() async throws -> Void, String)] = [
                ({ try await reserve.putNorm(ReserveNorm(tier: 5, itemCode: "2030101", quantity: 1)) }, "tier 5"),
                ({ try await reserve.putNorm(ReserveNorm(tier: 4, itemCode: "2030199", quantity: 1)) }, "not in the catalogue"),
                ({ try await reserve.putNorm(ReserveNorm(tier: 4, itemCode: "2030101", quantity: -1)) }, "quantity -1"),
                ({ try await reserve.putProfile(RegionProfile(regionCode: "330212", responsiblePersons: 1)) }, "neither in"),
                ({ try await reserve.putProfile(RegionProfile(regionCode: "330106999", responsiblePersons: 1)) }, "330106999"),
                ({ try await reserve.putProfile(RegionProfile(regionCode: Self.beishan, responsiblePersons: 10_000_000)) }, "responsible persons"),
                ({ _ = try await reserve.gaps(GapRequest(regionCode: "330212")) }, "outside"),
            ]
            for (call, reason) in cases {
                do {
                    try await call()
                    Issue.record("accepted: \(reason)")
                } catch let error as RecordServiceError {
                    #expect(error.code == .invalidArgument)
                    #expect(error.message.contains(reason), "\(error.message)")
                }
            }
            do {
                try await reserve.putStoragePoint(StoragePoint(id: "T", regionCode: "330106", name: "乡级库", latitude: 30.26, longitude: 120.12, ownerTier: 4))
                Issue.record("a township's store accepted at the county's code")
            } catch let error as RecordServiceError {
                #expect(error.message.contains("owner tier township is below"), "\(error.message)")
            }
            // The city above may be recorded (its risk level would reach this county).
            try await reserve.putProfile(RegionProfile(regionCode: "330100", riskLevel: .low))
            #expect(try await reserve.profile(regionCode: "330100").riskLevel == .low)
        }
    }

    @Test func profilesImportWithBadRowsReported() async throws {
        try await withTemporaryDirectory { dir in
            let reserve = try reserve(dir)
            let csv = """
                region,risk_level,responsible_persons,disaster_prone_villages
                330106,high,,
                330106002000,,12,3
                330106003000,extreme,4,0
                330212003000,,4,0
                330106002000,,1,1
                330106004000,,many,0
                """
            let report = try await reserve.importCSV(.regionProfiles, bytes: Array(csv.utf8), source: "profiles.csv")
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [4, 5, 6, 7])
            #expect(report.rejected[0].reason.contains("unknown risk level \"extreme\""))
            #expect(report.rejected[2].reason.contains("already appears on line 3"))
            #expect(report.rejected[3].reason.contains("responsible_persons"))
            let again = try await reserve.importCSV(.regionProfiles, bytes: Array(csv.utf8), source: "profiles.csv")
            #expect(again.unchanged == 2 && again.inserted == 0)
            #expect(try await reserve.profile(regionCode: Self.beishan) == RegionProfile(regionCode: Self.beishan, responsiblePersons: 12, disasterProneVillages: 3))
            var exported = ""
            try await reserve.exportCSV(.regionProfiles, regionCode: "") { exported += $0.text }
            #expect(exported == "region,risk_level,responsible_persons,disaster_prone_villages\n330106,high,0,0\n330106002000,,12,3\n")
            // A file without a column leaves that column as the node holds it.
            let persons = "region,responsible_persons\n330106002000,15\n"
            #expect(try await reserve.importCSV(.regionProfiles, bytes: Array(persons.utf8), source: "persons.csv").updated == 1)
            #expect(try await reserve.profile(regionCode: Self.beishan).disasterProneVillages == 3)
            // A township node exports its county's profile too.
            try await withTemporaryDirectory { other in
                let township = try self.reserve(other, region: Self.beishan)
                try await township.putProfile(RegionProfile(regionCode: "330106", riskLevel: .high))
                var text = ""
                try await township.exportCSV(.regionProfiles, regionCode: "") { text += $0.text }
                #expect(text.contains("330106,high,0,0"))
            }
        }
    }

    /// A city's statistics are exactly its counties' merged (the city holds nothing of its own here),
    /// though the city's are summed from the tally and each county's separately.
    @Test func statisticsMergeUpTheTree() async throws {
        try await withTemporaryDirectory { dir in
            let reserve = try reserve(dir, region: "330100")
            try await reserve.putProfile(RegionProfile(regionCode: Self.beishan, responsiblePersons: 3, disasterProneVillages: 1))
            try await reserve.putProfile(RegionProfile(regionCode: "330110005000", responsiblePersons: 2))
            try await reserve.putStoragePoint(StoragePoint(id: "BS", regionCode: Self.beishan, name: "北山", latitude: 30.26, longitude: 120.14, ownerTier: 4))
            try await reserve.putStoragePoint(StoragePoint(id: "WC", regionCode: "330110005000", name: "五常", latitude: 30.27, longitude: 120.03, ownerTier: 4))
            try await reserve.putItem(CatalogueItem(code: "1010101", name: "帐篷", unit: "顶"))
            try await receive(reserve, "BS", [("2010101", 3), ("3010201", 1), ("1010101", 40)])
            try await receive(reserve, "WC", [("2010101", 1)], expiresOn: Self.today.adding(days: 30))
            try await receive(reserve, "WC", [("2030101", 2)], status: .damaged)

            let city = try await reserve.statistics(StockQuery(regionCode: "330100"))
            let xihu = try await reserve.statistics(StockQuery(regionCode: "330106"))
            let yuhang = try await reserve.statistics(StockQuery(regionCode: "330110"))
            #expect(city == ReserveStatistics.merged([xihu, yuhang], regionCode: "330100", asOf: Self.today))
            #expect(city.storagePoints == 2)
            #expect(city.categories == [
                CategoryTotal(code: "1", good: 40), CategoryTotal(code: "101", good: 40),
                CategoryTotal(code: "2", good: 4, damaged: 2), CategoryTotal(code: "201", good: 4), CategoryTotal(code: "203", damaged: 2),
                CategoryTotal(code: "3", good: 1), CategoryTotal(code: "301", good: 1),
            ])
            // 北山: 4 per-person lines + 3 per-village lines, short of all but helmets and pumps;
            // 五常: 4 per-person lines, short of all but helmets (1 held of 2 — short too).
            #expect((xihu.normLines, xihu.shortLines) == (7, 5))
            #expect((yuhang.normLines, yuhang.shortLines) == (4, 4))
            #expect((city.expiringUnits, city.expiringLots) == (1, 1))
            // A township's figures come from its stock lines, not the tally.
            let beishan = try await reserve.statistics(StockQuery(regionCode: Self.beishan))
            #expect(beishan.categories == xihu.categories && beishan.normLines == 7)
        }
    }
}
