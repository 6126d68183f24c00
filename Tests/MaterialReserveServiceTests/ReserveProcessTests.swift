import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Foundation
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

/// The `material-reserve` executable as a real process.
@Suite(.timeLimit(.minutes(1)), .serialized) struct ReserveProcessTests {
    /// Acknowledged movements and an approved order's reservation survive `kill -9` of the process.
    @Test func acknowledgedMovementsSurviveKill9() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/reserve.sqlite"
            let first = try NodeProcess("material-reserve", ["--region", "330106", "--database", database], directory: dir, name: "a")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await first.port()))
            _ = try await client.call(MaterialReserveMethods.putItem, CatalogueItem(code: "3010201", name: "排水泵", unit: "台"))
            _ = try await client.call(MaterialReserveMethods.putStoragePoint, StoragePoint(
                id: "XH-01", regionCode: "330106002000", name: "西湖区北山物资库", latitude: 30.26, longitude: 120.14, ownerTier: 3))
            let recorded = try await client.call(MaterialReserveMethods.recordMovements, MovementBatch(movements: [
                Movement(storagePointID: "XH-01", itemCode: "3010201", kind: .receive, quantity: 12, reference: "入库单 2026-88", actor: "库管员")]))
            #expect(recorded.movements.first?.sequence == 1)
            let order = try await client.call(MaterialReserveMethods.createOrder, DispatchOrder(
                idempotencyKey: "typhoon-2026-plan-1", destinationRegion: "330106003000", destinationLatitude: 30.24,
                destinationLongitude: 120.10, lines: [DispatchLine(itemCode: "3010201", quantity: 5)]))
            let approved = try await client.call(MaterialReserveMethods.approveOrder, OrderStep(orderID: order.id, actor: "防指"))
            do {
                _ = try await client.call(MaterialReserveMethods.recordMovements, MovementBatch(movements: [
                    Movement(storagePointID: "XH-01", itemCode: "3010201", kind: .issue, quantity: 8)]))
                Issue.record("issued reserved units")
            } catch let error as RPCError {
                #expect(error.status == .failedPrecondition)
                #expect(error.message.contains("only 7 available"))
            }
            await client.close()
            await first.stop(signal: SIGKILL)
            #expect(first.process.terminationReason == .uncaughtSignal)

            let second = try NodeProcess("material-reserve", ["--region", "330106", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            let totals = try await again.call(MaterialReserveMethods.stockTotals, StockQuery(itemPrefix: "301"))
            #expect(totals == StockTotals(good: 12, reserved: 5))
            #expect(try await again.call(MaterialReserveMethods.getOrder, RecordID(order.id)) == approved)
            let plan = try await again.call(MaterialReserveMethods.plan, PlanRequest(
                needs: [DispatchLine(itemCode: "3010201", quantity: 10)], destinationRegion: "330106003000"))
            #expect(plan.lines.map(\.quantity) == [7])
            #expect(plan.unmet == [DispatchLine(itemCode: "3010201", quantity: 3)])
            await again.close()
            await second.stop(signal: SIGTERM)
            #expect(second.process.terminationStatus == 0)
        }
    }

    /// The mesh's way of loading a county: `generate` and `import` as processes, then gaps and
    /// statistics over the wire — the same answers the library gives on the same file.
    @Test func generatedDemoDataLoadsAndReportsOverTheWire() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/reserve.sqlite"
            func run(_ arguments: [String]) async throws -> String {
                let run = try await ProgramRun.run(try NodeProcess.locate("material-reserve"), arguments)
                #expect(run.status == 0, "\(arguments): \(run.output)")
                return run.output
            }
            _ = try await run(["generate", "--region", "330110", "--seed", "7", "--output", dir + "/demo"])
            for (kind, file) in [("region-profiles", "profiles"), ("storage-points", "storage-points"), ("stock", "stock")] {
                let summary = try await run(["import", "--database", database, "--region", "330110", "--kind", kind, dir + "/demo/\(file).csv"])
                #expect(summary.contains("0 rejected"), "\(summary)")
            }
            let node = try NodeProcess("material-reserve", ["--region", "330110", "--database", database], directory: dir, name: "n")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await node.port()))
            let report = try await client.call(MaterialReserveMethods.gaps, GapRequest())
            let statistics = try await client.call(MaterialReserveMethods.statistics, StockQuery())
            let points = try await client.call(MaterialReserveMethods.listStoragePoints, PointQuery(limit: 1000))
            await client.close()
            await node.stop(signal: SIGTERM)

            #expect(report.region.assessedRegions > 0 && report.region.shortRegions > 0, "the demo data has gaps to find")
            #expect(report.children.map(\.shortRegions).reduce(0, +) == report.region.shortRegions, "a county with no norms of its own")
            #expect(statistics.storagePoints == Int64(points.records.count))
            var logger = Logger(label: "process-test")
            logger.logLevel = .critical
            let local = try MaterialReserve(databasePath: database, regionCode: "330110", logger: logger)
            #expect(try await local.gaps(GapRequest()) == report)
            #expect(try await local.statistics(StockQuery()) == statistics)
        }
    }
}
