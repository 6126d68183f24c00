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
        return try await core.store.pool.write { [order] db in
            if let id = try MaterialReserveStore.orderID(idempotencyKey: order.idempotencyKey, db) {
                let first = try MaterialReserveStore.order(id: id, db)!
                // A retry returns the first order; the same key for a different order is a caller's bug.
                guard first.lines.map({ [$0.itemCode: $0.quantity] }) == order.lines.sorted(by: { $0.itemCode < $1.itemCode }).map({ [$0.itemCode: $0.quantity] }),
                      first.destinationRegion == order.destinationRegion,
                      first.sourcePointIDs == Set(order.sourcePointIDs).sorted() else {
                    throw RecordServiceError.alreadyExists("idempotency key \(order.idempotencyKey) was used for order \(id) with other lines, sources or destination")
                }
                return first
            }
            for point in order.sourcePointIDs where try !MaterialReserveStore.pointExists(id: point, db) {
                throw RecordServiceError.invalidArgument("no storage point \"\(point)\" on this node")
            }
            for line in order.lines where try !MaterialReserveStore.itemExists(code: line.itemCode, db) {
                throw RecordServiceError.invalidArgument("item \(line.itemCode) is not in the catalogue")
            }
            let id = try MaterialReserveStore.insert(order, db)
            return try MaterialReserveStore.order(id: id, db)!
        }
    }

    public func order(id: String) async throws -> DispatchOrder {
        try await core.store.pool.read { db in
            guard let order = try MaterialReserveStore.order(id: id, db) else { throw RecordServiceError.notFound("no dispatch order \"\(id)\" on this node") }
            return order
        }
    }

    /// Reserves every line from good, unexpired stock at the order's source points, first expiring
    /// first; all lines or nothing.
    ///
    /// - Throws: `failedPrecondition` naming each short item and by how much, or the order's state.
    public func approve(orderID: String) async throws -> DispatchOrder {
        let today = self.core.today()
        return try await transition(orderID, from: [.requested], to: .approved) { order, db in
            var shortages: [String] = []
            for line in order.lines {
                var needed = line.quantity
                for lot in try MaterialReserveStore.availableLots(of: line.itemCode, forOrder: order, today: today, db) where needed > 0 {
                    let take = min(needed, lot.available)
                    try MaterialReserveStore.reserve(take, of: line.itemCode, at: lot.pointID, expires: lot.expires, forOrder: order.id, db)
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
        let today = self.core.today()
        return try await transition(orderID, from: [.approved], to: .dispatched) { order, db in
            if let stale = order.allocations.first(where: { ($0.expiresOn ?? today) < today }) {
                throw RecordServiceError.failedPrecondition(
                    "order \(order.id): \(stale.quantity) × \(stale.itemCode) reserved at \(stale.storagePointID) expired on \(stale.expiresOn!); cancel the order and approve a new one")
            }
            try MaterialReserveStore.releaseReservations(of: order, db)
            var ledger = try MaterialReserveStore.LedgerWriter(db, recordedAt: recordedAt)
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
                try MaterialReserveStore.setReceived(quantity, of: item, onOrder: order.id, db)
            }
        }
    }

    /// Cancels an order not yet dispatched, releasing what it reserved.
    public func cancel(orderID: String) async throws -> DispatchOrder {
        try await transition(orderID, from: [.requested, .approved], to: .cancelled) { order, db in
            try MaterialReserveStore.releaseReservations(of: order, db)
            try MaterialReserveStore.deleteReservations(ofOrder: order.id, db)
        }
    }

    /// Runs `body` on the order in one write transaction if it is in one of `from`, then moves it to `to`.
    func transition(_ id: String, from: [DispatchState], to: DispatchState,
                    _ body: @escaping @Sendable (DispatchOrder, Database) throws -> Void) async throws -> DispatchOrder {
        try await core.store.pool.write { db in
            guard let order = try MaterialReserveStore.order(id: id, db) else { throw RecordServiceError.notFound("no dispatch order \"\(id)\" on this node") }
            guard from.contains(order.state) else {
                throw RecordServiceError.failedPrecondition("order \(id) is \(order.state.name); it can become \(to.name) only when \(from.map(\.name).joined(separator: " or "))")
            }
            try body(order, db)
            try MaterialReserveStore.setState(to, ofOrder: id, db)
            return try MaterialReserveStore.order(id: id, db)!
        }
    }
}
