import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import AviationLandingAPI
import AviationLandingService
import Logging
import Testing

/// Importing the shipped heliport file and the register's own CSV, inspections and the due list, bad input.
@Suite struct LandingRegisterTests {
    static let today = CivilDay("2026-11-24")!

    func withRegister(_ region: String = "330000", _ body: (AviationLanding) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "register-test")
            logger.logLevel = .critical
            try await body(try AviationLanding(databasePath: dir + "/r.sqlite", regionCode: region, logger: logger, today: { Self.today }))
        }
    }

    /// heliports-china.csv: 750 mainland sites, of which 22 lie in Zhejiang (OurAirports, 2026-02-28).
    @Test func theShippedHeliportFile() async throws {
        try await withRegister { register in
            let report = try await register.importShippedHeliports()
            #expect(report.rows == 750 && report.inserted == 22 && report.rejected.count == 728)
            #expect(report.rejected.first?.reason == "CN-0445 lies outside Zhejiang (Beijing Municipality)")
            // Tagged CN-33 by OurAirports but in Shanghai: marked outside, not imported.
            #expect(report.rejected.contains { $0.reason.hasPrefix("CN-0078 lies outside Zhejiang") })
            let anji = try await register.point(id: "CN-0128")
            #expect(anji.kind == .heliport && anji.regionCode == "330523" && anji.source == "OurAirports CN-0128")
            #expect(anji.failedRules == ["obstacle-35m-circle", "slope-field-site", "touchdown-area-size", "ground-marking"],
                    "not surveyed: not known to comply")
            let longyou = try await register.point(id: "CN-0159")
            #expect(longyou.status == .outOfService && longyou.statusReason == "closed (OurAirports)")
            #expect(try await register.point(id: "ZSHC").largestClass == .heavy)
            // An inspection closes Anji's heliport; importing the file again leaves that as it is.
            _ = try await register.recordInspection(Inspection(pointID: "CN-0128", inspectedOn: Self.today, inspector: "省航空救援处",
                                                               findings: "场地施工", resultingStatus: .outOfService, statusReason: "施工"))
            #expect(try await register.importShippedHeliports().unchanged == 22, "importing again changes nothing")
            #expect(try await register.point(id: "CN-0128").status == .outOfService)
            #expect(try await register.spatialIndexDisagreements() == [])
        }
        // A city node takes only its own part.
        try await withRegister("330100") { register in
            let report = try await register.importShippedHeliports()
            #expect(report.inserted > 0 && report.inserted < 22)
            #expect(report.rejected.contains { $0.reason.contains("outside this node's region") })
        }
    }

    @Test func registerCSVWithBadRowsAndARoundTrip() async throws {
        try await withRegister("330106") { register in
            let csv = """
                id,name,region,lat,lon,kind,length_m,width_m,surface,slope_percent,obstacle_m,power_lines_100m,ground_marking,night_lighting,largest_class,manager,phone,year_built,status,status_reason,source
                XH-01,之江体育场,330106011000,30.17,120.06,temporary-field,40,40,grass,3,0.2,no,yes,mobile,medium,王伟,0571-1,2026,available,,区应急局
                XH-02,浙大医院停机坪,330106,30.27,120.12,hospital-helipad,22,22,concrete,1,0,no,yes,fixed,light,,,2025,restricted,仅限白天,
                XH-03,鄞州,330212003000,29.8,121.6,temporary-field,,,,,,,,,,,,,,,
                XH-04,坡太陡,330106,30.2,120.1,temporary-field,40,40,grass,150,,,,,,,,,,,
                XH-05,停用,330106,30.2,120.1,other,,,,,,,,,,,,,out-of-service,,
                XH-06,未知类型,330106,30.2,120.1,rooftop,,,,,,,,,,,,,,,
                XH-01,重复,330106,30.2,120.1,other,,,,,,,,,,,,,,,
                XH-07,电线,330106,30.2,120.1,other,40,40,asphalt,1,0,maybe,yes,,,,,,,,
                """
            let report = try await register.importCSV(.points, bytes: Array(csv.utf8), source: "points.csv")
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [4, 5, 6, 7, 8, 9])
            for (n, words) in ["outside this node's region", "slope 150", "needs a status reason", "unknown landing point kind \"rooftop\"",
                               "already appears on line 2", "power_lines_100m"].enumerated() {
                #expect(report.rejected[n].reason.contains(words), "\(report.rejected[n].reason)")
            }
            let field = try await register.point(id: "XH-01")
            #expect(field.failedRules == [], "\(field.failedRules)")
            #expect(try await register.point(id: "XH-02").failedRules == [], "22 m clears 1.5 × 13 m = 19.5 m for light helicopters")
            var exported = ""
            try await register.exportCSV(.points, regionCode: "") { exported += $0.text }
            let again = try await register.importCSV(.points, bytes: Array(exported.utf8), source: "export")
            #expect(again.unchanged == 2 && again.rejected.isEmpty, "\(again.summary)")
        }
    }

    @Test func implausibleInputIsRefused() async throws {
        try await withRegister("330106") { register in
            let cases: [(LandingPoint, String)] = [
                (LandingPoint(id: "Z", name: "零点", regionCode: "330106"), "not in 西湖区"),
                (LandingPoint(id: "S", name: "经纬颠倒", regionCode: "330106", latitude: 120.1, longitude: 30.2), "latitude"),
                (LandingPoint(id: "N", name: "坡度", regionCode: "330106", latitude: 30.2, longitude: 120.1, slopePercent: .nan), "slope"),
                (LandingPoint(id: " ", name: "无编号", regionCode: "330106", latitude: 30.2, longitude: 120.1), "id is required"),
                (LandingPoint(id: "Y", name: "年份", regionCode: "330106", latitude: 30.2, longitude: 120.1, yearBuilt: 2099), "year built"),
            ]
            for (point, words) in cases {
                do {
                    try await register.putPoint(point)
                    Issue.record("accepted \(point.id)")
                } catch let error as RecordServiceError {
                    #expect(error.code == .invalidArgument && error.message.contains(words), "\(error.message)")
                }
            }
            do {
                _ = try await register.points(LandingQuery(inspectionDueOnly: true, asOf: CivilDay(year: 1, month: 6, day: 1)))
                Issue.record("accepted the year 1")
            } catch let error as RecordServiceError {
                #expect(error.code == .invalidArgument)
            }
            do {
                _ = try await register.recordInspection(Inspection(pointID: "Z", inspectedOn: Self.today, inspector: "x"))
                Issue.record("accepted an inspection without a resulting status")
            } catch let error as RecordServiceError {
                #expect(error.message.contains("resulting status is required"))
            }
        }
    }

    @Test func inspectionsSetStatusAndTheDueList() async throws {
        try await withRegister("330106") { register in
            for id in ["A", "B", "C"] {
                try await register.putPoint(LandingPoint(id: id, name: id, regionCode: "330106", latitude: 30.26, longitude: 120.12))
            }
            func inspect(_ id: String, _ day: String, _ status: LandingPointStatus, _ reason: String = "") async throws {
                _ = try await register.recordInspection(Inspection(pointID: id, inspectedOn: CivilDay(day), inspector: "检查组",
                                                                   findings: "例行检查", resultingStatus: status, statusReason: reason))
            }
            try await inspect("A", "2025-10-24", .available)   // 13 months ago: due
            try await inspect("B", "2025-12-24", .available)   // 11 months ago: not due
            try await inspect("B", "2026-11-20", .outOfService, "护栏损坏")
            try await inspect("B", "2026-01-10", .available)   // recorded late, but older: does not override
            let due = try await register.points(LandingQuery(inspectionDueOnly: true))
            #expect(due.records.map(\.id) == ["A", "C"], "C was never inspected")
            let b = try await register.point(id: "B")
            #expect(b.status == .outOfService && b.lastInspectedOn == CivilDay("2026-11-20"))
            #expect(try await register.inspections(pointID: "B").map(\.inspectedOn?.description) == ["2026-11-20", "2026-01-10", "2025-12-24"])
            let usable = try await register.nearest(NearestRequest(latitude: 30.26, longitude: 120.12, limit: 10))
            #expect(usable.points.map(\.point.id).sorted() == ["A", "C"])
            do {
                try await inspect("A", "2026-12-01", .available)
                Issue.record("accepted an inspection in the future")
            } catch let error as RecordServiceError {
                #expect(error.code == .invalidArgument && error.message.contains("in the future"))
            }
            do {
                try await inspect("A", "2026-11-01", .restricted)
                Issue.record("accepted a restriction without a reason")
            } catch let error as RecordServiceError {
                #expect(error.message.contains("status reason is required"))
            }
        }
    }
}
