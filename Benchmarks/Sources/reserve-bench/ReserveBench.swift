import AnlanRecords
import AnlanRegions
import BenchTiming
import ArgumentParser
import Foundation
import Logging
import MaterialReserveAPI
import MaterialReserveService

/// Measures material-reserve at the province's real scale, in-process against a real SQLite file
/// (WAL, synchronous=FULL): batched ledger appends building 100,000 stock lines and 20 million units
/// over 3,685 storage points; dispatch plans for 10 item kinds; region-subtree stock totals.
/// Prints figures; asserts nothing. Run with scripts/bench.sh reserve.
@main
struct ReserveBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reserve-bench",
                                                    abstract: "material-reserve ledger, planning and stock-total figures.")

    @Option(help: "Storage points.") var points = 3685
    @Option(help: "Stock lines (point × item × expiry lot).") var lines = 100_000
    @Option(help: "Movements per recorded batch.") var batch = 5000
    @Option(help: "Repetitions of each query.") var repetitions = 200

    func run() async throws {
        let dir = NSTemporaryDirectory() + "reserve-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var logger = Logger(label: "reserve-bench")
        logger.logLevel = .warning
        let today = CivilDay("2026-11-23")!
        let reserve = try MaterialReserve(databasePath: dir + "/reserve.sqlite", regionCode: "330000", logger: logger, today: { today })

        // 40 catalogue items over the three level-1 categories.
        var items: [String] = []
        for n in 0..<40 {
            let code = "\(1 + n % 3)\(String(format: "%02d", 1 + n / 9))\(String(format: "%02d", 1 + n % 9))01"
            items.append(code)
            try await reserve.putItem(CatalogueItem(code: code, name: "物资\(n)", unit: "件", shelfLifeMonths: 36))
        }
        let townships = RegionTree.zhejiang.regions(at: .township)
        var random = SystemRandomNumberGenerator()
        var pointIDs: [String] = []
        for n in 0..<points {
            let township = townships[n % townships.count]
            let centre = try RegionTree.zhejiang.location(of: township.code).coordinate
            let id = "SP-\(n + 1)"
            pointIDs.append(id)
            try await reserve.putStoragePoint(StoragePoint(
                id: id, regionCode: township.code, name: "\(township.name)储备点\(n + 1)",
                latitude: centre.latitude + Double.random(in: -0.01...0.01, using: &random),
                longitude: centre.longitude + Double.random(in: -0.01...0.01, using: &random), ownerTier: 4))
        }

        // Norms for 10 of the items in every township (per flood-control responsible person), and a
        // profile for each township, so the gap report and statistics have the province's shape.
        for item in items.prefix(10) {
            for risk in RiskLevel.allCases {
                try await reserve.putNorm(ReserveNorm(tier: 4, riskLevel: risk, itemCode: item, basis: .perResponsiblePerson, quantity: 10))
            }
        }
        for township in townships {
            try await reserve.putProfile(RegionProfile(regionCode: township.code, responsiblePersons: Int64.random(in: 10...60, using: &random),
                                                       disasterProneVillages: Int64.random(in: 0...8, using: &random)))
        }

        print("ledger: \(lines) receive movements in batches of \(batch) (one transaction each)")
        let unitsPerLine = Int64(20_000_000 / lines)
        var movements: [Movement] = []
        movements.reserveCapacity(lines)
        for n in 0..<lines {
            let point = pointIDs[n % pointIDs.count]
            let item = items[(n / pointIDs.count) % items.count]
            let lot = n / (pointIDs.count * items.count)
            movements.append(Movement(storagePointID: point, itemCode: item, expiresOn: today.adding(days: 200 + 30 * lot),
                                      kind: .receive, quantity: unitsPerLine, reference: "bench", actor: "bench"))
        }
        let started = ContinuousClock.now
        for start in stride(from: 0, to: movements.count, by: batch) {
            _ = try await reserve.record(Array(movements[start..<min(start + batch, movements.count)]))
        }
        let seconds = (ContinuousClock.now - started).seconds
        print(String(format: "  %.2f s, %.0f movements/s", seconds, Double(lines) / seconds))
        // Issues of one unit from lines in random order: each checks what is available, and a batch
        // touches thousands of tally rows (the receipts above touched a few hundred per batch).
        var issues = movements.map {
            Movement(storagePointID: $0.storagePointID, itemCode: $0.itemCode, expiresOn: $0.expiresOn, kind: .issue, quantity: 1,
                     reference: "bench", actor: "bench")
        }
        issues.shuffle(using: &random)
        print("ledger: \(issues.count) issue movements from random lines, batches of \(batch)")
        let issuing = ContinuousClock.now
        for start in stride(from: 0, to: issues.count, by: batch) {
            _ = try await reserve.record(Array(issues[start..<min(start + batch, issues.count)]))
        }
        let issueSeconds = (ContinuousClock.now - issuing).seconds
        print(String(format: "  %.2f s, %.0f movements/s", issueSeconds, Double(issues.count) / issueSeconds))
        let totals = try await reserve.stockTotals()
        print("  good units held: \(totals.good)")

        // Counted every time: `statistics` keeps its answer until the data changes.
        let statistics = try await RepeatedTiming.measure(repetitions: 20) { try await reserve.countStatistics(StockQuery(), today: today).normLines }
        let gaps = try await RepeatedTiming.measure(repetitions: 20) { try await reserve.gaps(GapRequest()).children.count }
        print(String(format: "\nprovince statistics median %.1f ms; gap report %.1f ms (1,461 regions; 17 norm lines in each township)", statistics.median, gaps.median))

        let needs = items.prefix(10).map { DispatchLine(itemCode: $0, quantity: 5_000) }
        let destination = try RegionTree.zhejiang.location(of: "330106002000").coordinate
        let request = PlanRequest(needs: Array(needs), destinationLatitude: destination.latitude, destinationLongitude: destination.longitude)
        let plan = try await reserve.plan(request)
        print("\ndispatch plan, 10 item kinds × 5,000 units to 北山街道 (\(plan.lines.count) lines, latest ETA \(String(format: "%.2f", plan.latestEtaHours)) h)")
        let planTimes = try await RepeatedTiming.measure(repetitions: repetitions) { try await reserve.plan(request).lines.count }
        print(String(format: "  median %.3f ms, p99 %.3f ms", planTimes.median, planTimes.p99))

        print("\nstock totals of a region subtree (all items; one category)")
        for (name, code) in [("county 西湖区", "330106"), ("city 杭州市", "330100"), ("province", "330000")] {
            let all = try await RepeatedTiming.measure(repetitions: repetitions) { try await reserve.stockTotals(regionCode: code).good }
            let category = try await RepeatedTiming.measure(repetitions: repetitions) { try await reserve.stockTotals(regionCode: code, itemPrefix: "201").good }
            print(pad(name, 16) + String(format: "median %.3f / p99 %.3f ms;  category 201: %.3f / %.3f ms",
                                         all.median, all.p99, category.median, category.p99))
        }
    }
}
