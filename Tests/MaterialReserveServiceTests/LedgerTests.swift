import AnlanRPC
import Foundation
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

@Suite struct CatalogueCodeTests {
    @Test(arguments: ["1010101", "2990199", "3999999", " 1020304 "])
    func validItemCodes(code: String) throws {
        #expect(try CatalogueCode.validateItem(code) == code.trimmed)
    }

    @Test(arguments: [("4010101", "level 1"), ("1000101", "level 2 is 00"), ("10101", "7 digits"), ("10101a1", "7 digits"),
                      ("1010100", "level 4 is 00")])
    func invalidItemCodesSayWhy(code: String, reason: String) {
        do {
            _ = try CatalogueCode.validateItem(code)
            Issue.record("\(code) accepted")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }
}

@Suite struct LedgerTests {
    var quietLogger: Logger {
        var logger = Logger(label: "material-reserve-test")
        logger.logLevel = .critical
        return logger
    }

    func withReserve(_ body: (MaterialReserve) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let reserve = try MaterialReserve(databasePath: dir + "/reserve.sqlite", regionCode: "330106", logger: quietLogger)
            for (code, name) in [("1010101", "帐篷"), ("2030101", "救生衣"), ("3010201", "排水泵")] {
                try await reserve.putItem(CatalogueItem(code: code, name: name, unit: "件"))
            }
            for n in 1...3 {
                try await reserve.putStoragePoint(StoragePoint(id: "SP-\(n)", regionCode: "330106002000", name: "库点\(n)",
                                                               latitude: 30.26, longitude: 120.14, ownerTier: 3))
            }
            try await body(reserve)
        }
    }

    /// After a few thousand random movements, some of which must fail, every stock line equals the sum
    /// of its movements and none is negative; a failed batch leaves nothing behind.
    @Test func stockAlwaysEqualsTheLedgersSum() async throws {
        try await withReserve { reserve in
            var random = Xorshift(seed: 42)
            var expected: [String: Int64] = [:]  // point|item|status → held
            var failures = 0
            let items = ["1010101", "2030101", "3010201"]
            for _ in 0..<1500 {
                let point = "SP-\(1 + random.next() % 3)"
                let item = items[Int(random.next() % 3)]
                let status: StockStatus = random.next() % 5 == 0 ? .damaged : .good
                let quantity = Int64(1 + random.next() % 40)
                let kind = MovementKind.allCases[Int(random.next() % 5)]
                var batch = [Movement(storagePointID: point, itemCode: item, status: status, kind: kind,
                                      quantity: kind == .adjust && random.next() % 2 == 0 ? -quantity : quantity,
                                      reason: kind == .adjust ? "盘点" : "", actor: "test")]
                if random.next() % 10 == 0 {  // a batch whose second movement is invalid: nothing of it may stay
                    batch.append(Movement(storagePointID: "SP-404", itemCode: item, kind: .receive, quantity: 1))
                }
                let key = "\(point)|\(item)|\(status.rawValue)"
                do {
                    _ = try await reserve.record(batch)
                    #expect(batch.count == 1, "a batch with an invalid movement was recorded")
                    expected[key, default: 0] += batch[0].delta
                } catch let error as RecordServiceError {
                    failures += 1
                    #expect([.failedPrecondition, .invalidArgument].contains(error.code))
                    if error.code == .failedPrecondition { #expect(batch[0].delta < 0 && (expected[key] ?? 0) + batch[0].delta < 0) }
                }
                #expect((expected[key] ?? 0) >= 0)
            }
            #expect(failures > 50, "the random walk should try to overdraw: \(failures)")
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])
            let good = try await reserve.stockTotals().good
            let expectedGood = expected.filter { $0.key.hasSuffix("|1") }.values.reduce(0, +)
            #expect(good == expectedGood)
        }
    }

    /// Many clients issuing at once from the same line can never take more than it holds.
    @Test func concurrentIssuesNeverOverdraw() async throws {
        try await withReserve { reserve in
            _ = try await reserve.record([Movement(storagePointID: "SP-1", itemCode: "2030101", kind: .receive, quantity: 100)])
            let succeeded = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        var ok = 0
                        for _ in 0..<20 {
                            do {
                                _ = try await reserve.record([Movement(storagePointID: "SP-1", itemCode: "2030101", kind: .issue, quantity: 1)])
                                ok += 1
                            } catch let error as RecordServiceError where error.code == .failedPrecondition {}
                        }
                        return ok
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(succeeded == 100)
            #expect(try await reserve.stockTotals(itemPrefix: "203").good == 0)
            #expect(try await reserve.ledgerDisagreements() == [])
            #expect(try await reserve.tallyDisagreements() == [])
        }
    }

    /// A city node's county and city totals come from the tally; it must follow receipts, issues,
    /// reservations and a storage point that moves to another county, and agree with a township's
    /// totals summed from its lines.
    @Test func stockTallyFollowsMovementsReservationsAndMovedPoints() async throws {
        try await withTemporaryDirectory { dir in
            let today = CivilDay("2026-11-23")!
            let reserve = try MaterialReserve(databasePath: dir + "/city.sqlite", regionCode: "330100", logger: quietLogger, today: { today })
            try await reserve.putItem(CatalogueItem(code: "2030101", name: "救生衣", unit: "件"))
            try await reserve.putStoragePoint(StoragePoint(id: "A", regionCode: "330106002000", name: "北山", latitude: 30.26, longitude: 120.14))
            try await reserve.putStoragePoint(StoragePoint(id: "B", regionCode: "330110005000", name: "五常", latitude: 30.27, longitude: 120.03))
            try await reserve.putStoragePoint(StoragePoint(id: "C", regionCode: "330100", name: "市级库", latitude: 30.27, longitude: 120.15))
            _ = try await reserve.record([
                Movement(storagePointID: "A", itemCode: "2030101", kind: .receive, quantity: 70),
                Movement(storagePointID: "B", itemCode: "2030101", kind: .receive, quantity: 30),
                Movement(storagePointID: "C", itemCode: "2030101", kind: .receive, quantity: 500),
                Movement(storagePointID: "A", itemCode: "2030101", kind: .issue, quantity: 20),
            ])
            let order = try await reserve.createOrder(DispatchOrder(
                idempotencyKey: "t", sourcePointIDs: ["A"], destinationRegion: "330106003000", destinationLatitude: 30.24,
                destinationLongitude: 120.10, lines: [DispatchLine(itemCode: "2030101", quantity: 15)], requestedBy: "test"))
            _ = try await reserve.approve(orderID: order.id)
            #expect(try await reserve.stockTotals(regionCode: "330106") == StockTotals(good: 50, reserved: 15))
            #expect(try await reserve.stockTotals(regionCode: "330100") == StockTotals(good: 580, reserved: 15))

            // 北山's point is re-registered in 余杭区: its units and reservation go with it.
            try await reserve.putStoragePoint(StoragePoint(id: "A", regionCode: "330110009000", name: "仁和", latitude: 30.44, longitude: 120.10))
            #expect(try await reserve.stockTotals(regionCode: "330106") == StockTotals())
            #expect(try await reserve.stockTotals(regionCode: "330110") == StockTotals(good: 80, reserved: 15))
            #expect(try await reserve.stockTotals(regionCode: "330110009000") == StockTotals(good: 50, reserved: 15))
            _ = try await reserve.dispatch(orderID: order.id, actor: "test")
            #expect(try await reserve.stockTotals(regionCode: "330110") == StockTotals(good: 65))
            #expect(try await reserve.stockTotals(regionCode: "330100", itemPrefix: "203") == StockTotals(good: 565))
            #expect(try await reserve.tallyDisagreements() == [])
            #expect(try await reserve.ledgerDisagreements() == [])
        }
    }

    /// Applied in stock-line order for speed, a batch still behaves as in request order: the same
    /// line spelt two ways, and the first failing movement named when several fail.
    @Test func aBatchBehavesAsInRequestOrder() async throws {
        try await withReserve { reserve in
            let recorded = try await reserve.record([
                Movement(storagePointID: "SP-2", itemCode: "2030101 ", kind: .receive, quantity: 5),
                Movement(storagePointID: "SP-2", itemCode: "2030101", kind: .issue, quantity: 5),
            ])
            #expect(recorded.map(\.kind) == [.receive, .issue], "answered in request order")
            do {
                _ = try await reserve.record([
                    Movement(storagePointID: "SP-3", itemCode: "1010101", kind: .issue, quantity: 10),
                    Movement(storagePointID: "SP-1", itemCode: "9999999", kind: .receive, quantity: 1),
                ])
                Issue.record("recorded an overdraw")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition && error.message.hasPrefix("movement 1:"), "\(error.message)")
            }
            // A line holds at most 10^15 units.
            let tooMuch = Array(repeating: Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .receive, quantity: MaterialReserve.maximumUnits),
                                count: 1001)
            do {
                _ = try await reserve.record(tooMuch)
                Issue.record("a line went past 10^15 units")
            } catch let error as RecordServiceError {
                #expect(error.code == .failedPrecondition && error.message.contains("more than"), "\(error.message)")
            }
            #expect(try await reserve.stockTotals() == StockTotals())
            #expect(try await reserve.ledgerDisagreements() == [])
        }
    }

    @Test func malformedMovementsAreRejectedWithTheirPosition() async throws {
        try await withReserve { reserve in
            let cases: [(Movement, String)] = [
                (Movement(storagePointID: "SP-1", itemCode: "9999999", kind: .receive, quantity: 1), "level 1"),
                (Movement(storagePointID: "SP-1", itemCode: "1010199", kind: .receive, quantity: 1), "not in the catalogue"),
                (Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .receive, quantity: 0), "must be positive"),
                (Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .adjust, quantity: -1), "needs a reason"),
                (Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .issue, quantity: 1), "only 0 available"),
                (Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .adjust, quantity: .min, reason: "x"), "beyond"),
                (Movement(storagePointID: "SP-1", itemCode: "1010101", kind: .receive, quantity: .max), "beyond"),
            ]
            for (movement, reason) in cases {
                do {
                    _ = try await reserve.record([Movement(storagePointID: "SP-2", itemCode: "1010101", kind: .receive, quantity: 5), movement])
                    Issue.record("accepted: \(movement)")
                } catch let error as RecordServiceError {
                    #expect(error.message.hasPrefix("movement 2:"), "\(error.message)")
                    #expect(error.message.contains(reason), "\(error.message)")
                }
            }
            #expect(try await reserve.stockTotals() == StockTotals(), "no batch left anything behind")
            do {
                _ = try await reserve.stockTotals(regionCode: "330212")
                Issue.record("answered for a region outside the node")
            } catch let error as RecordServiceError {
                #expect(error.code == .invalidArgument)
            }
        }
    }
}

/// A small seedable generator so the random walk is the same on every run.
struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
