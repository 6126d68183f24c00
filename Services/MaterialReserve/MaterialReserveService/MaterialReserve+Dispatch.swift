import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Dispatch orders: requested → approved (stock reserved, first expiring first) → dispatched (the
/// reserved units issued through the ledger) → received (what arrived), or cancelled before dispatch
/// (reservations released). Every step runs in one write transaction, so two approvals can never
/// reserve the same units.
extension MaterialReserve {
    /// Records a requested order, or — when its idempotency key was seen before — returns that order.
    public func createOrder(_ order: DispatchOrder) async throws -> DispatchOrder {
        var order = order
        try validating {
            order.idempotencyKey = try order.idempotencyKey.required("idempotency key")
            guard !order.lines.isEmpty else { throw InvalidRecord("an order needs at least one line") }
            var seen: Set<String> = []
            for index in order.lines.indices {
                order.lines[index].itemCode = try CatalogueCode.validateItem(order.lines[index].itemCode)
                guard seen.insert(order.lines[index].itemCode).inserted else {
                    throw InvalidRecord("item \(order.lines[index].itemCode) appears on two lines")
                }
                guard (1...Self.maximumUnits).contains(order.lines[index].quantity) else {
                    throw InvalidRecord("line \(index + 1): quantity must be 1…\(Self.maximumUnits), got \(order.lines[index].quantity)")
                }
                order.lines[index].received = 0
            }
            order.destinationRegion = try tree.region(order.destinationRegion).code
            _ = try GeoCoordinate(latitude: order.destinationLatitude, longitude: order.destinationLongitude)
        }
        return try await store.pool.write { [order] db in
            if let id = try String.fetchOne(db, sql: "SELECT id FROM dispatch_order WHERE idempotency_key = ?",
                                            arguments: [order.idempotencyKey]) {
                let first = try Self.order(id: id, db)!
                // A retry returns the first order; the same key for a different order is a caller's bug.
                guard first.lines.map({ [$0.itemCode: $0.quantity] }) == order.lines.sorted(by: { $0.itemCode < $1.itemCode }).map({ [$0.itemCode: $0.quantity] }),
                      first.destinationRegion == order.destinationRegion,
                      first.sourcePointIDs == Set(order.sourcePointIDs).sorted() else {
                    throw RecordServiceError.alreadyExists("idempotency key \(order.idempotencyKey) was used for order \(id) with other lines, sources or destination")
                }
                return first
            }
            for point in order.sourcePointIDs where try String.fetchOne(db, sql: "SELECT id FROM storage_point WHERE id = ?", arguments: [point]) == nil {
                throw RecordServiceError.invalidArgument("no storage point \"\(point)\" on this node")
            }
            for line in order.lines where try String.fetchOne(db, sql: "SELECT code FROM catalogue_item WHERE code = ?", arguments: [line.itemCode]) == nil {
                throw RecordServiceError.invalidArgument("item \(line.itemCode) is not in the catalogue")
            }
            let seq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM dispatch_order") ?? 1)
            let id = "DO-\(seq)"
            try db.execute(sql: """
                INSERT INTO dispatch_order (seq, id, idempotency_key, destination_region, lat, lon, state, requested_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [seq, id, order.idempotencyKey, order.destinationRegion, order.destinationLatitude,
                                 order.destinationLongitude, Int(DispatchState.requested.rawValue), order.requestedBy, order.note])
            for point in Set(order.sourcePointIDs) {
                try db.execute(sql: "INSERT INTO dispatch_source (order_id, point_id) VALUES (?, ?)", arguments: [id, point])
            }
            for line in order.lines {
                try db.execute(sql: "INSERT INTO dispatch_line (order_id, item_code, quantity) VALUES (?, ?, ?)",
                               arguments: [id, line.itemCode, line.quantity])
            }
            return try Self.order(id: id, db)!
        }
    }

    public func order(id: String) async throws -> DispatchOrder {
        try await store.pool.read { db in
            guard let order = try Self.order(id: id, db) else { throw RecordServiceError.notFound("no dispatch order \"\(id)\" on this node") }
            return order
        }
    }

    /// Reserves every line from good, unexpired stock at the order's source points, first expiring
    /// first; all lines or nothing.
    ///
    /// - Throws: `failedPrecondition` naming each short item and by how much, or the order's state.
    public func approve(orderID: String) async throws -> DispatchOrder {
        let today = self.today()
        return try await transition(orderID, from: [.requested], to: .approved) { order, db in
            var shortages: [String] = []
            for line in order.lines {
                var needed = line.quantity
                let sources = order.sourcePointIDs.isEmpty ? "" : " AND point_id IN (SELECT point_id FROM dispatch_source WHERE order_id = ?)"
                var arguments: StatementArguments = [line.itemCode, Int(StockStatus.good.rawValue), today.dayNumber]
                if !order.sourcePointIDs.isEmpty { arguments += [order.id] }
                let lots = try Row.fetchAll(db, sql: """
                    SELECT point_id, expires, quantity - reserved FROM stock_line
                    WHERE item_code = ? AND status = ? AND expires >= ? AND quantity > reserved\(sources)
                    ORDER BY expires, point_id
                    """, arguments: arguments)
                for lot in lots where needed > 0 {
                    let take = min(needed, lot[2] as Int64)
                    let point: String = lot[0]
                    let expires: Int = lot[1]
                    try db.execute(sql: """
                        UPDATE stock_line SET reserved = reserved + ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
                        """, arguments: [take, point, line.itemCode, Int(StockStatus.good.rawValue), expires])
                    try db.execute(sql: "INSERT INTO reservation (order_id, point_id, item_code, expires, quantity) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [order.id, point, line.itemCode, expires, take])
                    needed -= take
                }
                if needed > 0 { shortages.append("\(line.itemCode) short by \(needed) of \(line.quantity)") }
            }
            guard shortages.isEmpty else {
                throw RecordServiceError.failedPrecondition("order \(order.id) cannot be approved: \(shortages.joined(separator: "; ")) (good, unexpired stock at its sources)")
            }
        }
    }

    /// Issues the reserved units through the ledger (kind `issue`, reference the order id).
    ///
    /// - Throws: `failedPrecondition` when a reserved lot has expired since approval (cancel and plan again).
    public func dispatch(orderID: String, actor: String) async throws -> DispatchOrder {
        let recordedAt = milliseconds()
        let today = self.today()
        return try await transition(orderID, from: [.approved], to: .dispatched) { order, db in
            if let stale = order.allocations.first(where: { ($0.expiresOn ?? today) < today }) {
                throw RecordServiceError.failedPrecondition(
                    "order \(order.id): \(stale.quantity) × \(stale.itemCode) reserved at \(stale.storagePointID) expired on \(stale.expiresOn!); cancel the order and approve a new one")
            }
            try Self.releaseReservations(of: order, db)
            var ledger = try LedgerWriter(db, recordedAt: recordedAt)
            for (position, allocation) in order.allocations.enumerated() {
                _ = try ledger.append(Movement(storagePointID: allocation.storagePointID, itemCode: allocation.itemCode, status: .good,
                                               expiresOn: allocation.expiresOn, kind: .issue, quantity: allocation.quantity,
                                               reference: order.id, actor: actor), position: position)
            }
            try ledger.finish()
        }
    }

    /// Records what arrived, per item (at most what was sent).
    public func receive(orderID: String, received: [String: Int64]) async throws -> DispatchOrder {
        try await transition(orderID, from: [.dispatched], to: .received) { order, db in
            for (item, quantity) in received {
                guard let line = order.lines.first(where: { $0.itemCode == item }) else {
                    throw RecordServiceError.invalidArgument("order \(order.id) has no line for item \(item)")
                }
                guard (0...line.quantity).contains(quantity) else {
                    throw RecordServiceError.invalidArgument("received \(quantity) × \(item), but \(line.quantity) were sent")
                }
                try db.execute(sql: "UPDATE dispatch_line SET received = ? WHERE order_id = ? AND item_code = ?",
                               arguments: [quantity, order.id, item])
            }
        }
    }

    /// Cancels an order not yet dispatched, releasing what it reserved.
    public func cancel(orderID: String) async throws -> DispatchOrder {
        try await transition(orderID, from: [.requested, .approved], to: .cancelled) { order, db in
            try Self.releaseReservations(of: order, db)
            try db.execute(sql: "DELETE FROM reservation WHERE order_id = ?", arguments: [order.id])
        }
    }

    /// Gives back to their stock lines the units an approved order reserved (each allocation is its
    /// own line).
    static func releaseReservations(of order: DispatchOrder, _ db: Database) throws {
        let release = try db.cachedStatement(sql: """
            UPDATE stock_line SET reserved = reserved - ? WHERE point_id = ? AND item_code = ? AND status = ? AND expires = ?
            """)
        for allocation in order.allocations {
            try release.execute(arguments: [allocation.quantity, allocation.storagePointID, allocation.itemCode, Int(StockStatus.good.rawValue),
                                            allocation.expiresOn?.dayNumber ?? MaterialReserveStore.neverExpires])
        }
    }

    /// Runs `body` on the order in one write transaction if it is in one of `from`, then moves it to `to`.
    func transition(_ id: String, from: [DispatchState], to: DispatchState,
                    _ body: @escaping @Sendable (DispatchOrder, Database) throws -> Void) async throws -> DispatchOrder {
        try await store.pool.write { db in
            guard let order = try Self.order(id: id, db) else { throw RecordServiceError.notFound("no dispatch order \"\(id)\" on this node") }
            guard from.contains(order.state) else {
                throw RecordServiceError.failedPrecondition("order \(id) is \(order.state.name); it can become \(to.name) only when \(from.map(\.name).joined(separator: " or "))")
            }
            try body(order, db)
            try db.execute(sql: "UPDATE dispatch_order SET state = ? WHERE id = ?", arguments: [Int(to.rawValue), id])
            return try Self.order(id: id, db)!
        }
    }

    static func order(id: String, _ db: Database) throws -> DispatchOrder? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, idempotency_key, destination_region, lat, lon, state, requested_by, note FROM dispatch_order WHERE id = ?
            """, arguments: [id]) else { return nil }
        let sources = try String.fetchAll(db, sql: "SELECT point_id FROM dispatch_source WHERE order_id = ? ORDER BY point_id", arguments: [id])
        let lines = try Row.fetchAll(db, sql: "SELECT item_code, quantity, received FROM dispatch_line WHERE order_id = ? ORDER BY item_code",
                                     arguments: [id]).map { DispatchLine(itemCode: $0[0], quantity: $0[1], received: $0[2]) }
        let allocations = try Row.fetchAll(db, sql: """
            SELECT point_id, item_code, expires, quantity FROM reservation WHERE order_id = ? ORDER BY item_code, expires, point_id
            """, arguments: [id]).map { row -> Allocation in
            let expires: Int = row[2]
            return Allocation(storagePointID: row[0], itemCode: row[1],
                              expiresOn: expires == MaterialReserveStore.neverExpires ? nil : CivilDay(dayNumber: expires), quantity: row[3])
        }
        return DispatchOrder(id: row[0], idempotencyKey: row[1], sourcePointIDs: sources, destinationRegion: row[2],
                             destinationLatitude: row[3], destinationLongitude: row[4],
                             lines: lines, state: DispatchState(rawValue: row[5]) ?? .requested, allocations: allocations,
                             requestedBy: row[6], note: row[7])
    }
}
