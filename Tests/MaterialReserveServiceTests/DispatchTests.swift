import AnlanRPC
import Foundation
import AnlanRecords
import AnlanTestSupport
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

@Suite struct DispatchTests {
    static let today = CivilDay("2026-11-23")!

    func withStock(_ body: (MaterialReserve) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "dispatch-test")
            logger.logLevel = .critical
            let reserve = try MaterialReserve(databasePath: dir + "/r.sqlite", regionCode: "330106", logger: logger, today: { Self.today })
            try await reserve.putItem(CatalogueItem(code: "2030101", name: "救生衣", unit: "件", shelfLifeMonths: 60))
            for n in 1...3 {
                try await reserve.putStoragePoint(StoragePoint(id: "SP-\(n)", regionCode: "330106002000", name: "库点\(n)",
                                                               latitude: 30.26, longitude: 120.14, ownerTier: 3))
            }
            _ = try await reserve.record([
                Movement(storagePointID: "SP-1", itemCode: "2030101", expiresOn: Self.today.adding(days: 400), kind: .receive, quantity: 60),
                Movement(storagePointID: "SP-2", itemCode: "2030101", expiresOn: Self.today.adding(days: 30), kind: .receive, quantity: 40),
                Movement(storagePointID: "SP-3", itemCode: "2030101", expiresOn: Self.today.adding(days: -1), kind: .receive, quantity: 500),
                Movement(storagePointID: "SP-3", itemCode: "2030101", status: .damaged, kind: .receive, quantity: 500),
            ])
            try await body(reserve)
        }
    }

    func order(_ key: String, _ quantity: Int64, sources: [String] = []) -> DispatchOrder {
        DispatchOrder(idempotencyKey: key, sourcePointIDs: sources, destinationRegion: "330106003000",
                      destinationLatitude: 30.24, destinationLongitude: 120.10,
                      lines: [DispatchLine(itemCode: "2030101", quantity: quantity)], requestedBy: "西湖区防指")
    }

    @Test func approvalReservesFirstExpiringGoodStockAndDispatchIssuesIt() async throws {
        try await withStock { reserve in
            // Only 100 are good and unexpired (the 500 expired and 500 damaged at SP-3 do not count).
            let tooMuch = try await reserve.createOrder(order("k-1", 120))
            do {
                _ = try await reserve.approve(orderID: tooMuch.id)
                Issue.record("approved beyond the good, unexpired stock")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition)
                #expect(error.message.contains("2030101 short by 20 of 120"), "\(error.message)")
            }
            #expect(try await reserve.order(id: tooMuch.id).allocations.isEmpty, "a failed approval reserves nothing")

            let order = try await reserve.createOrder(order("k-2", 50))
            let approved = try await reserve.approve(orderID: order.id)
            #expect(approved.state == .approved)
            #expect(approved.allocations.map(\.storagePointID) == ["SP-2", "SP-1"], "first expiring first")
            #expect(approved.allocations.map(\.quantity) == [40, 10])

            // Reserved units cannot be issued by anyone else.
            do {
                _ = try await reserve.record([Movement(storagePointID: "SP-2", itemCode: "2030101", expiresOn: Self.today.adding(days: 30),
                                                       kind: .issue, quantity: 1)])
                Issue.record("issued a reserved unit")
            } catch let error as RecordServiceError {
                #expect(error.message.contains("only 0 available (40 held, 40 reserved)"), "\(error.message)")
            }

            let dispatched = try await reserve.dispatch(orderID: order.id, actor: "库管员")
            #expect(dispatched.state == .dispatched)
            #expect(try await reserve.stockTotals(itemPrefix: "2").good == 50 + 500)
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])
            let received = try await reserve.receive(orderID: order.id, received: ["2030101": 48])
            #expect(received.lines.first?.received == 48)

            do {
                _ = try await reserve.cancel(orderID: order.id)
                Issue.record("cancelled a received order")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition)
                #expect(error.message.contains("is received"))
            }
        }
    }

    @Test func aRetriedCreateReturnsTheSameOrder() async throws {
        try await withStock { reserve in
            let first = try await reserve.createOrder(order("flood-2026-07-plan-3", 10))
            let again = try await reserve.createOrder(order("flood-2026-07-plan-3", 10))
            #expect(again == first)
            let other = try await reserve.createOrder(order("flood-2026-07-plan-4", 10))
            #expect(other.id != first.id)
            // The same key for a different order is refused, not silently answered with the first.
            do {
                _ = try await reserve.createOrder(order("flood-2026-07-plan-3", 11))
                Issue.record("a reused key with other lines was accepted")
            } catch let error as RecordServiceError {
                #expect(error.code == .alreadyExists)
            }
        }
    }

    /// Ten orders of 20 approved at once over 100 available units: exactly five get them.
    @Test func concurrentApprovalsNeverReserveTheSameUnits() async throws {
        try await withStock { reserve in
            var ids: [String] = []
            for n in 1...10 { ids.append(try await reserve.createOrder(order("c-\(n)", 20)).id) }
            let approved = try await withThrowingTaskGroup(of: Bool.self) { group in
                for id in ids {
                    group.addTask {
                        do {
                            _ = try await reserve.approve(orderID: id)
                            return true
                        } catch let error as RecordServiceError where error.code == .failedPrecondition {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(approved == 5)
            var reserved: Int64 = 0
            for id in ids { reserved += try await reserve.order(id: id).allocations.reduce(0) { $0 + $1.quantity } }
            #expect(reserved == 100)
        }
    }

    @Test func cancellingReleasesTheReservation() async throws {
        try await withStock { reserve in
            let order = try await reserve.createOrder(order("x", 100, sources: ["SP-1", "SP-2"]))
            _ = try await reserve.approve(orderID: order.id)
            let cancelled = try await reserve.cancel(orderID: order.id)
            #expect(cancelled.state == .cancelled && cancelled.allocations.isEmpty)
            _ = try await reserve.record([Movement(storagePointID: "SP-1", itemCode: "2030101", expiresOn: Self.today.adding(days: 400),
                                                   kind: .issue, quantity: 60)])
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])
        }
    }

    /// A lot that expires between approval and dispatch is not shipped.
    @Test func dispatchRefusesLotsThatExpiredSinceApproval() async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "dispatch-test")
            logger.logLevel = .critical
            let calendar = ManualCalendar(Self.today)
            let reserve = try MaterialReserve(databasePath: dir + "/r.sqlite", regionCode: "330106", logger: logger, today: calendar.today)
            try await reserve.putItem(CatalogueItem(code: "2030101", name: "救生衣", unit: "件"))
            try await reserve.putStoragePoint(StoragePoint(id: "SP-1", regionCode: "330106002000", name: "库点", latitude: 30.26, longitude: 120.14))
            _ = try await reserve.record([Movement(storagePointID: "SP-1", itemCode: "2030101", expiresOn: Self.today.adding(days: 2),
                                                   kind: .receive, quantity: 10)])
            let created = try await reserve.createOrder(order("e", 10))
            _ = try await reserve.approve(orderID: created.id)
            calendar.advance(days: 3)
            do {
                _ = try await reserve.dispatch(orderID: created.id, actor: "库管员")
                Issue.record("shipped an expired lot")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition)
                #expect(error.message.contains("expired on"))
            }
            let expiring = try await reserve.expiring(ExpiryRequest(withinDays: 36_500))
            #expect(expiring.lots.map(\.quantity) == [10])
        }
    }
}
