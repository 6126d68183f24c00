import AnlanRecords
import AnlanRegions
import AnlanTestSupport
import AviationLandingAPI
import AviationLandingService
import Logging
import Testing

/// Nearest-k, radius and box answers from the R*Tree against a brute-force scan of random points,
/// before and after points move, change status and are deleted.
@Suite struct SpatialSearchTests {
    struct Site {
        var id: String
        var coordinate: GeoCoordinate
        var status: LandingPointStatus
        var largestClass: HelicopterClass
    }

    static func register(_ dir: String) throws -> AviationLanding {
        var logger = Logger(label: "landing-test")
        logger.logLevel = .critical
        return try AviationLanding(databasePath: dir + "/landing.sqlite", regionCode: "330000", logger: logger,
                                   today: { CivilDay("2026-11-24")! })
    }

    /// `count` random sites over Zhejiang's box, written in one import.
    static func randomSites(_ count: Int, into register: AviationLanding, random: inout SplitMix64) async throws -> [Site] {
        var sites: [Site] = []
        var writer = CSVWriter()
        writer.write(["id", "name", "region", "lat", "lon", "kind", "status", "status_reason", "largest_class"])
        for n in 0..<count {
            let site = Site(id: "LP-\(n)", coordinate: GeoCoordinate(uncheckedLatitude: random.unit(27, 31.2), longitude: random.unit(118, 123)),
                            status: [.available, .available, .available, .restricted, .outOfService][Int(random.next() % 5)],
                            largestClass: HelicopterClass.allCases[Int(random.next() % 3)])
            sites.append(site)
            writer.write([site.id, "起降点\(n)", "330000", String(site.coordinate.latitude), String(site.coordinate.longitude),
                          "temporary-field", site.status.name, site.status == .available ? "" : "测试", site.largestClass.name])
        }
        let report = try await register.importCSV(.points, bytes: Array(writer.text.utf8), source: "random")
        #expect(report.inserted == Int64(count) && report.rejected.isEmpty)
        return sites
    }

    /// The brute-force answer: usable sites by distance (ties by id), within `radius` when given.
    static func bruteForce(_ sites: [Site], from centre: GeoCoordinate, request: NearestRequest) -> [(String, Double)] {
        let usable: [LandingPointStatus] = request.includeRestricted ? [.available, .restricted] : [.available]
        return sites.filter { usable.contains($0.status) && $0.largestClass >= (request.minimumClass ?? .light) }
            .map { ($0.id, centre.distance(to: $0.coordinate) / 1000) }
            .filter { request.radiusKilometres == 0 || $0.1 <= request.radiusKilometres }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    func check(_ register: AviationLanding, _ sites: [Site], queries: Int, random: inout SplitMix64) async throws {
        for q in 0..<queries {
            let centre = GeoCoordinate(uncheckedLatitude: random.unit(26.5, 31.7), longitude: random.unit(117.5, 123.5))
            var request = NearestRequest(latitude: centre.latitude, longitude: centre.longitude, limit: UInt32(1 + random.next() % 20),
                                         minimumClass: random.next() % 2 == 0 ? nil : HelicopterClass.allCases[Int(random.next() % 3)],
                                         includeRestricted: random.next() % 2 == 0)
            if q % 4 == 0 { request.radiusKilometres = random.unit(1, 40) ; request.limit = 1000 }
            let answer = try await register.nearest(request)
            let expected = Self.bruteForce(sites, from: centre, request: request).prefix(Int(request.limit))
            #expect(answer.points.map(\.point.id) == expected.map(\.0), "query \(q): \(request)")
            for (got, want) in zip(answer.points, expected) { #expect(abs(got.distanceKilometres - want.1) < 1e-9) }
        }
    }

    @Test func nearestAndRadiusMatchBruteForce() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir)
            var random = SplitMix64(seed: 11)
            let sites = try await Self.randomSites(2000, into: register, random: &random)
            try await check(register, sites, queries: 300, random: &random)
            // Far outside the points: the search widens until it finds them.
            let far = try await register.nearest(NearestRequest(latitude: 45, longitude: 90, limit: 3))
            #expect(far.points.map(\.point.id) == Self.bruteForce(sites, from: GeoCoordinate(uncheckedLatitude: 45, longitude: 90),
                                                                   request: NearestRequest(limit: 3)).prefix(3).map(\.0))
        }
    }

    /// A radius large enough to cross the ±180° meridian from the Pacific still finds Zhejiang's points.
    @Test func searchesAcrossTheAntimeridianAndNearThePoles() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir)
            var random = SplitMix64(seed: 14)
            let sites = try await Self.randomSites(50, into: register, random: &random)
            for (lat, lon, radius) in [(0.0, -170.0, 9_000.0), (10.0, 179.5, 8_000.0), (89.95, 0.0, 7_000.0), (-60.0, 120.0, 12_000.0)] {
                let request = NearestRequest(latitude: lat, longitude: lon, limit: 1000, includeRestricted: true, radiusKilometres: radius)
                let expected = Self.bruteForce(sites, from: GeoCoordinate(uncheckedLatitude: lat, longitude: lon), request: request)
                if lon == -170 { #expect(!expected.isEmpty, "Zhejiang lies within 9,000 km of (0, -170)") }
                #expect(try await register.nearest(request).points.map(\.point.id) == expected.map(\.0), "\(lat), \(lon), \(radius) km")
            }
        }
    }

    @Test func boxMatchesBruteForce() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir)
            var random = SplitMix64(seed: 12)
            let sites = try await Self.randomSites(1000, into: register, random: &random)
            for _ in 0..<50 {
                let south = random.unit(27, 31), west = random.unit(118, 122.5)
                let box = BoxRequest(south: south, west: west, north: south + random.unit(0.01, 1), east: west + random.unit(0.01, 1), limit: 10_000)
                let expected = Set(sites.filter { (box.south...box.north).contains($0.coordinate.latitude)
                    && (box.west...box.east).contains($0.coordinate.longitude) }.map(\.id))
                let answer = try await register.inBox(box)
                #expect(Set(answer.points.map(\.point.id)) == expected)
                #expect(answer.points.map(\.distanceKilometres) == answer.points.map(\.distanceKilometres).sorted())
            }
        }
    }

    /// The R*Tree follows moves, status changes (by update and by inspection) and deletes.
    @Test func theIndexStaysConsistentAfterUpdatesAndDeletes() async throws {
        try await withTemporaryDirectory { dir in
            let register = try Self.register(dir)
            var random = SplitMix64(seed: 13)
            var sites = try await Self.randomSites(600, into: register, random: &random)
            for n in stride(from: 0, to: 600, by: 3) {  // move a third of them
                var point = try await register.point(id: sites[n].id)
                point.latitude = random.unit(27, 31.2)
                point.longitude = random.unit(118, 123)
                try await register.putPoint(point)
                sites[n].coordinate = GeoCoordinate(uncheckedLatitude: point.latitude, longitude: point.longitude)
            }
            for n in stride(from: 1, to: 600, by: 5) {  // take some out of service by inspection
                _ = try await register.recordInspection(Inspection(pointID: sites[n].id, inspectedOn: CivilDay("2026-11-20"), inspector: "检查组",
                                                                   findings: "跑道积水", resultingStatus: .outOfService, statusReason: "积水"))
                sites[n].status = .outOfService
            }
            for n in stride(from: 2, to: 600, by: 7) { try await register.deletePoint(id: sites[n].id) }
            sites = sites.enumerated().filter { ($0.offset - 2) % 7 != 0 }.map(\.element)
            #expect(try await register.counts().first { $0.0 == "landing points" }?.1 == Int64(sites.count))
            #expect(try await register.spatialIndexDisagreements() == [])
            try await check(register, sites, queries: 150, random: &random)
        }
    }
}
