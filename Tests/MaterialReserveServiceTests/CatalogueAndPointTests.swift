import AnlanRPC
import AnlanRecords
import AnlanWire
import AnlanTestSupport
import Logging
import MaterialReserveAPI
import MaterialReserveService
import Testing

/// Reading, paging and deleting catalogue items and storage points; deleting what history names is refused.
@Suite struct CatalogueAndPointTests {
    func withReserve(_ body: (MaterialReserve) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            var logger = Logger(label: "records-test")
            logger.logLevel = .critical
            try await body(try MaterialReserve(databasePath: dir + "/r.sqlite", regionCode: "330106", logger: logger))
        }
    }

    func expectStatus(_ status: RecordServiceError.Code, _ words: String, _ call: () async throws -> Void) async {
        do {
            try await call()
            Issue.record("accepted; expected \(status)")
        } catch let error as RecordServiceError {
            #expect(error.code == status, "\(error.message)")
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func catalogueShipsTheKitAndRefusesToDeleteWhatIsNamed() async throws {
        try await withReserve { reserve in
            #expect(try await reserve.items().map(\.code) == ["2010101", "2010301", "2020101", "2030101", "2040101", "2050101", "3010201"])
            try await reserve.putItem(CatalogueItem(code: "1010101", name: "帐篷", unit: "顶"))
            try await reserve.putItem(CatalogueItem(code: "1990101", name: "其他", unit: "件"))
            try await reserve.putStoragePoint(StoragePoint(id: "SP", regionCode: "330106002000", name: "北山", latitude: 30.26, longitude: 120.14))
            _ = try await reserve.record([Movement(storagePointID: "SP", itemCode: "1010101", kind: .receive, quantity: 3)])

            await expectStatus(.failedPrecondition, "ledger movements") { try await reserve.deleteItem(code: "1010101") }
            await expectStatus(.failedPrecondition, "reserve norms") { try await reserve.deleteItem(code: "2030101") }
            await expectStatus(.notFound, "1234567") { try await reserve.deleteItem(code: "1234567") }
            try await reserve.deleteItem(code: "1990101")
            #expect(try await reserve.items().count == 8)
        }
    }

    @Test func storagePointsPageByRegionAndOnlyUnusedOnesAreDeleted() async throws {
        try await withReserve { reserve in
            let places = [("C", "330106003000"), ("A", "330106002000"), ("E", "330106"), ("B", "330106002000"), ("D", "330106003000")]
            for (id, region) in places {
                try await reserve.putStoragePoint(StoragePoint(id: id, regionCode: region, name: "库点\(id)", latitude: 30.26, longitude: 120.14))
            }
            var ids: [String] = []
            var cursor = ""
            repeat {
                let page = try await reserve.storagePoints(PointQuery(cursor: cursor, limit: 2))
                #expect(page.records.count <= 2)
                ids += page.records.map(\.id)
                cursor = page.nextCursor
            } while !cursor.isEmpty
            #expect(ids == ["E", "A", "B", "C", "D"], "by region code, then id")
            #expect(try await reserve.storagePoints(PointQuery(regionCode: "330106003000")).records.map(\.id) == ["C", "D"])
            await expectStatus(.invalidArgument, "outside") { _ = try await reserve.storagePoints(PointQuery(regionCode: "330212")) }
            await expectStatus(.invalidArgument, "cursor") { _ = try await reserve.storagePoints(PointQuery(cursor: "garbage")) }

            _ = try await reserve.record([Movement(storagePointID: "A", itemCode: "2030101", kind: .receive, quantity: 1),
                                          Movement(storagePointID: "A", itemCode: "2030101", kind: .issue, quantity: 1)])
            await expectStatus(.failedPrecondition, "ledger history") { try await reserve.deleteStoragePoint(id: "A") }
            _ = try await reserve.createOrder(DispatchOrder(idempotencyKey: "k", sourcePointIDs: ["B"], destinationRegion: "330106003000",
                                                            destinationLatitude: 30.26, destinationLongitude: 120.12,
                                                            lines: [DispatchLine(itemCode: "2030101", quantity: 1)], requestedBy: "t"))
            await expectStatus(.failedPrecondition, "source of dispatch order") { try await reserve.deleteStoragePoint(id: "B") }
            try await reserve.deleteStoragePoint(id: "C")
            await expectStatus(.notFound, "\"C\"") { _ = try await reserve.storagePoint(id: "C") }
            #expect(try await reserve.storagePoint(id: "D").regionCode == "330106003000")
        }
    }
}
