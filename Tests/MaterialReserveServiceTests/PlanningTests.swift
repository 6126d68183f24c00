import AnlanRecords
import AnlanRegions
import AnlanTestSupport
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

@Suite struct PlanningTests {
    /// Destination 30.00°N 120.00°E; points due north, so distance = Δlatitude × 111.195 km.
    static let destination = GeoCoordinate(uncheckedLatitude: 30.0, longitude: 120.0)
    static func north(_ degrees: Double) -> GeoCoordinate { GeoCoordinate(uncheckedLatitude: 30.0 + degrees, longitude: 120.0) }

    /// Worked by hand: at 40 km/h plus 0.5 h loading, A (11.12 km) arrives at 0.778 h, B (55.60 km) at
    /// 1.890 h, C (166.79 km) at 4.670 h — past the 3-hour target.
    @Test func aHandCheckedPlan() {
        let planner = DispatchPlanner(roadSpeedKilometresPerHour: 40, loadingHours: 0.5, defaultTargetHours: 3)
        let plan = planner.plan(
            needs: [DispatchLine(itemCode: "2030101", quantity: 150), DispatchLine(itemCode: "3010201", quantity: 10)],
            destination: Self.destination,
            supplies: [
                .init(storagePointID: "C", location: Self.north(1.5), itemCode: "2030101", available: 50),
                .init(storagePointID: "A", location: Self.north(0.1), itemCode: "2030101", available: 100),
                .init(storagePointID: "B", location: Self.north(0.5), itemCode: "2030101", available: 30),
                .init(storagePointID: "B", location: Self.north(0.5), itemCode: "3010201", available: 5),
            ])
        #expect(plan.lines.map(\.storagePointID) == ["A", "B", "C", "B"])
        #expect(plan.lines.map(\.quantity) == [100, 30, 20, 5])
        #expect(plan.lines.map { ($0.distanceKilometres * 100).rounded() / 100 } == [11.12, 55.60, 166.79, 55.60])
        #expect(plan.lines.map { ($0.etaHours * 1000).rounded() / 1000 } == [0.778, 1.890, 4.670, 1.890])
        #expect(plan.lines.map(\.meetsTarget) == [true, true, false, true])
        #expect(plan.unmet == [DispatchLine(itemCode: "3010201", quantity: 5)])
        #expect(!plan.targetMet)
        #expect(abs(plan.latestEtaHours - 4.670) < 0.001)

        let near = planner.plan(needs: [DispatchLine(itemCode: "2030101", quantity: 120)], destination: Self.destination,
                                supplies: [.init(storagePointID: "A", location: Self.north(0.1), itemCode: "2030101", available: 100),
                                           .init(storagePointID: "B", location: Self.north(0.5), itemCode: "2030101", available: 30)])
        #expect(near.targetMet && near.unmet.isEmpty)
    }

    /// The node's plan uses only good, unexpired, unreserved stock.
    @Test func theNodePlansFromWhatIsAvailable() async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "plan-test")
            logger.logLevel = .critical
            let today = CivilDay("2026-11-23")!
            let reserve = try MaterialReserve(databasePath: dir + "/r.sqlite", regionCode: "330106", logger: logger, today: { today })
            try await reserve.putItem(CatalogueItem(code: "2030101", name: "救生衣", unit: "件"))
            for (id, degrees) in [("A", 0.1), ("B", 0.5)] {
                let point = Self.north(degrees)
                try await reserve.putStoragePoint(StoragePoint(id: id, regionCode: "330106002000", name: id,
                                                               latitude: point.latitude, longitude: point.longitude))
            }
            _ = try await reserve.record([
                Movement(storagePointID: "A", itemCode: "2030101", kind: .receive, quantity: 100),
                Movement(storagePointID: "A", itemCode: "2030101", status: .damaged, kind: .receive, quantity: 999),
                Movement(storagePointID: "A", itemCode: "2030101", expiresOn: today.adding(days: -1), kind: .receive, quantity: 999),
                Movement(storagePointID: "B", itemCode: "2030101", kind: .receive, quantity: 30),
            ])
            let held = try await reserve.createOrder(DispatchOrder(idempotencyKey: "k", sourcePointIDs: ["A"], destinationRegion: "330106",
                                                                   destinationLatitude: 30.1, destinationLongitude: 120.1,
                                                                   lines: [DispatchLine(itemCode: "2030101", quantity: 40)]))
            _ = try await reserve.approve(orderID: held.id)
            let plan = try await reserve.plan(PlanRequest(needs: [DispatchLine(itemCode: "2030101", quantity: 100)],
                                                          destinationLatitude: 30.0, destinationLongitude: 120.0))
            #expect(plan.lines.map(\.storagePointID) == ["A", "B"])
            #expect(plan.lines.map(\.quantity) == [60, 30])
            #expect(plan.unmet == [DispatchLine(itemCode: "2030101", quantity: 10)])
        }
    }
}
