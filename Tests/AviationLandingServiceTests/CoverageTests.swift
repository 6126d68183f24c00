import AnlanRecords
import AnlanRegions
import AnlanTestSupport
import AviationLandingAPI
import AviationLandingService
import Logging
import Testing

/// Coverage, construction targets and statistics on hand-checked cases.
@Suite struct CoverageTests {
    static let today = CivilDay("2026-11-24")!

    static func register(_ dir: String, region: String) throws -> AviationLanding {
        var logger = Logger(label: "coverage-test")
        logger.logLevel = .critical
        return try AviationLanding(databasePath: dir + "/\(region).sqlite", regionCode: region, logger: logger, today: { Self.today })
    }

    static func point(_ id: String, _ region: String, _ lat: Double, _ lon: Double, status: LandingPointStatus = .available,
                      year: UInt32 = 0) -> LandingPoint {
        LandingPoint(id: id, name: id, regionCode: region, latitude: lat, longitude: lon, yearBuilt: year, status: status,
                     statusReason: status == .available ? "" : "维修")
    }

    /// 西湖区's 12 townships against one point on 灵隐街道's own coordinates (an out-of-service point
    /// beside 双浦镇 does not count). Distances worked by hand on the sphere (R = 6,371 km):
    /// - 灵隐街道 (30.260311, 120.119225): 0 km.
    /// - 北山街道, 西湖街道, 三墩镇 have no point of their own: 西湖区's seat (30.261749, 120.125425),
    ///   Δφ 0.001438° → 0.160 km, Δλ 0.0062° × cos 30.26° → 0.596 km: 0.617 km, approximate.
    /// - 双浦镇 (30.120434, 120.087184): 15.554 km north-south, 3.079 km east-west: 15.86 km.
    /// - 转塘街道 (30.172148, 120.056402): 9.803 km and 6.038 km: 11.51 km.
    @Test func westLakeDistrictByHand() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir, region: "330106")
            try await register.putPoint(Self.point("LY", "330106003000", 30.260311, 120.119225))
            try await register.putPoint(Self.point("SP", "330106110000", 30.1205, 120.0872, status: .outOfService))
            let report = try await register.coverage(CoverageRequest())
            #expect(report.total == 12 && report.withinKilometres == 15)
            func line(_ code: String) throws -> TownshipCoverage { try #require(report.townships.first { $0.regionCode == code }) }
            #expect(try line("330106003000").distanceKilometres < 0.001)
            #expect(try line("330106003000").approximate, "a township's own point is a bounding-box centre: approximate")
            for code in ["330106002000", "330106015000", "330106109000"] {
                #expect(abs(try line(code).distanceKilometres - 0.617) < 0.005)
                #expect(try line(code).approximate)
            }
            #expect(abs(try line("330106110000").distanceKilometres - 15.86) < 0.02)
            #expect(try line("330106110000").nearestPointID == "LY", "the out-of-service point is not usable")
            #expect(try !line("330106110000").covered)
            #expect(abs(try line("330106011000").distanceKilometres - 11.51) < 0.02)
            #expect(report.covered == 11)
            #expect(try await register.coverage(CoverageRequest(withinKilometres: 16)).covered == 12)
            #expect(try await register.coverage(CoverageRequest(regionCode: "330106110000")).townships.map(\.regionCode) == ["330106110000"])
        }
    }

    @Test func aNodeWithNoUsablePointCoversNothing() async throws {
        try await withTemporaryDirectory { dir in
            let report = try await Self.register(dir, region: "330106").coverage(CoverageRequest())
            #expect(report.covered == 0 && report.townships.allSatisfy { $0.nearestPointID.isEmpty })
        }
    }

    /// 80 a year for the province, shared by townships: 杭州市 has 191 of Zhejiang's 1,359.
    @Test func targetsAndStatisticsRollUp() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir, region: "330100")
            try await register.putPoint(Self.point("A", "330106003000", 30.26, 120.12, year: 2026))
            try await register.putPoint(Self.point("B", "330106", 30.25, 120.13, year: 2026))
            try await register.putPoint(Self.point("C", "330110005000", 30.27, 120.03, year: 2025))
            try await register.putPoint(Self.point("D", "330110", 30.37, 119.91, status: .restricted, year: 2026))
            let targets = try await register.targets(TargetRequest())
            #expect(targets.year == 2026 && targets.annualTarget == 80)
            #expect(targets.region.built == 3)
            #expect(abs(targets.region.target - 80 * 191 / 1359) < 1e-9)
            #expect(abs(targets.children.map(\.target).reduce(0, +) - targets.region.target) < 1e-9, "children's shares add up")
            #expect(targets.children.first { $0.regionCode == "330106" }?.built == 2)
            #expect(try await register.targets(TargetRequest(year: 2025)).region.built == 1)

            let city = try await register.statistics(CoverageRequest())
            let counties = try await RegionTree.zhejiang.children(of: "330100").map(\.code)
                .asyncMap { try await register.statistics(CoverageRequest(regionCode: $0)) }
            let merged = LandingStatistics.merged(counties, regionCode: "330100", asOf: Self.today, withinKilometres: 15, year: 2026)
            #expect(city.cells == merged.cells && city.townshipsCovered == merged.townshipsCovered && city.townships == merged.townships)
            #expect(city.built == merged.built && abs(city.target - merged.target) < 1e-9)
            #expect(city.points == 4 && city.compliantPoints == 0, "nothing surveyed is compliant")
            #expect(city.cells.map(\.status) == [.available, .restricted])
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
