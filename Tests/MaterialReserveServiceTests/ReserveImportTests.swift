import AnlanRecords
import AnlanRegions
import AnlanTestSupport
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

@Suite struct ReserveImportTests {
    static let today = CivilDay("2026-11-23")!

    func withReserve(_ body: (MaterialReserve) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "reserve-import-test")
            logger.logLevel = .critical
            let reserve = try MaterialReserve(databasePath: dir + "/r.sqlite", regionCode: "330106", logger: logger, today: { Self.today })
            try await reserve.putItem(CatalogueItem(code: "2030101", name: "救生衣", unit: "件"))
            try await reserve.putItem(CatalogueItem(code: "1010101", name: "帐篷", unit: "顶"))
            try await body(reserve)
        }
    }

    static let points = """
        id,region,name,lat,lon,capacity,contact,phone,owner_tier
        XH-01,330106002000,北山街道物资点,30.26,120.14,5000,王伟,0571-1,township
        XH-02,330106,西湖区应急物资储备库,30.25,120.13,80000,李娜,0571-2,county
        XH-03,330212003000,鄞州物资点,29.8,121.6,100,,,township
        XH-04,330106002000,,30.26,120.14,10,,,township
        XH-01,330106002000,重复,30.26,120.14,10,,,township
        XH-05,330106002000,坐标错,95,120.14,10,,,township
        """

    @Test func storagePointsWithBadRowsAndAnIdempotentReimport() async throws {
        try await withReserve { reserve in
            let report = try await reserve.importCSV(.storagePoints, bytes: Array(Self.points.utf8), source: "points.csv")
            #expect(report.inserted == 2)
            #expect(report.rejected.map(\.line) == [4, 5, 6, 7])
            #expect(report.rejected[0].reason.contains("outside this node's region"))
            #expect(report.rejected[1].reason.contains("name is required"))
            #expect(report.rejected[2].reason.contains("already appears on line 2"))
            #expect(report.rejected[3].reason.contains("latitude"))
            let again = try await reserve.importCSV(.storagePoints, bytes: Array(Self.points.utf8), source: "points.csv")
            #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 2)
        }
    }

    @Test func countedStockBecomesAdjustmentsInTheLedger() async throws {
        try await withReserve { reserve in
            _ = try await reserve.importCSV(.storagePoints, bytes: Array(Self.points.utf8), source: "points.csv")
            let stock = """
                point_id,item_code,status,expires_on,quantity
                XH-01,2030101,good,2026-12-10,300
                XH-02,2030101,good,,1200
                XH-02,1010101,damaged,,7
                XH-09,2030101,good,,1
                XH-01,4010101,good,,1
                XH-01,2030101,good,2026-12-10,5
                """
            let report = try await reserve.importCSV(.stock, bytes: Array(stock.utf8), source: "count-2026-11.csv")
            #expect(report.inserted == 3)
            #expect(report.rejected.map(\.line) == [5, 6, 7])
            #expect(try await reserve.stockTotals() == StockTotals(good: 1500, damaged: 7))
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])

            // A recount: one line changes, the rest are as counted before.
            let recount = stock.replacingOccurrences(of: "XH-02,2030101,good,,1200", with: "XH-02,2030101,good,,1150")
            let second = try await reserve.importCSV(.stock, bytes: Array(recount.utf8), source: "count-2026-12.csv")
            #expect(second.updated == 1 && second.unchanged == 2 && second.inserted == 0)
            #expect(try await reserve.stockTotals().good == 1450)
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])

            let expiring = try await reserve.expiring(ExpiryRequest(withinDays: 30))
            #expect(expiring.lots.map(\.storagePointID) == ["XH-01"])
            #expect(expiring.lots.first?.quantity == 300)
            #expect(try await reserve.expiring(ExpiryRequest(withinDays: 10)).lots.isEmpty)
        }
    }

    /// Exported storage points and stock, imported into an empty node, reproduce the stock.
    @Test func anExportImportsBackToTheSameStock() async throws {
        try await withReserve { reserve in
            _ = try await reserve.importCSV(.storagePoints, bytes: Array(Self.points.utf8), source: "points.csv")
            _ = try await reserve.record([
                Movement(storagePointID: "XH-01", itemCode: "2030101", expiresOn: Self.today.adding(days: 90), kind: .receive, quantity: 300),
                Movement(storagePointID: "XH-02", itemCode: "2030101", kind: .receive, quantity: 1200),
                Movement(storagePointID: "XH-02", itemCode: "1010101", status: .damaged, kind: .receive, quantity: 7),
            ])
            var points = "", stock = ""
            try await reserve.exportCSV(.storagePoints, regionCode: "", rowsPerChunk: 1) { points += $0.text }
            try await reserve.exportCSV(.stock, regionCode: "", rowsPerChunk: 2) { stock += $0.text }
            #expect(points.split(separator: "\n").count == 3)
            #expect(stock.split(separator: "\n").count == 4)

            try await withReserve { copy in
                let pointsReport = try await copy.importCSV(.storagePoints, bytes: Array(points.utf8), source: "export")
                #expect(pointsReport.inserted == 2 && pointsReport.rejected == [])
                let stockReport = try await copy.importCSV(.stock, bytes: Array(stock.utf8), source: "export")
                #expect(stockReport.inserted == 3 && stockReport.rejected == [], "\(stockReport.summary)")
                #expect(try await copy.stockTotals() == reserve.stockTotals())
                var again = ""
                try await copy.exportCSV(.stock, regionCode: "") { again += $0.text }
                #expect(again == stock)
            }
        }
    }
}

/// The whole-province seed: village stores are spread by the township's place in the province, so the
/// counties generated one by one add up to Zhejiang's 3,685 storage points.
@Suite struct ProvinceScaleSeedTests {
    @Test func countiesGeneratedOneByOneMakeTheProvincesStoragePoints() throws {
        let today = CivilDay("2026-11-24")!
        var points = 0
        var units: Int64 = 0
        for county in RegionTree.zhejiang.regions(at: .county) {
            let files = try SyntheticReserve(regionCode: county.code, today: today, villageStoresPerTownship: 1.6454, unitsPerVillageStore: 8700)
                .files(seed: 1)
            points += files[1].csv.split(separator: "\n").count - 1
            units += files[2].csv.split(separator: "\n").dropFirst().reduce(Int64(0)) { $0 + Int64($1.split(separator: ",").last!)! }
        }
        #expect(points == 3_685)
        #expect((19_000_000...21_000_000).contains(units), "\(units) units")
    }
}
