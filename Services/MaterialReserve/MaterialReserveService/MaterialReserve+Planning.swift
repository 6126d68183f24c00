import AnlanRecords
import AnlanRegions
import GRDB
import MaterialReserveAPI

/// Local dispatch planning: what this node's storage points can send, nearest first. Other nodes (the
/// gateway) call it to chain plans across tiers.
extension MaterialReserve {
    public func plan(_ request: PlanRequest, planner: DispatchPlanner = DispatchPlanner()) async throws -> DispatchPlan {
        let today = self.core.today()
        var needs: [DispatchLine] = []
        let destination: GeoCoordinate = try validating {
            for need in request.needs {
                let code = try CatalogueCode.validateItem(need.itemCode)
                guard (1...Self.maximumUnits).contains(need.quantity) else {
                    throw InvalidRecord("need for \(code): quantity must be 1…\(Self.maximumUnits)")
                }
                if needs.contains(where: { $0.itemCode == code }) {
                    throw InvalidRecord("item \(code) is needed on two lines; give it once")
                } else {
                    needs.append(DispatchLine(itemCode: code, quantity: need.quantity))
                }
            }
            guard !needs.isEmpty else { throw InvalidRecord("a plan needs at least one item") }
            guard request.targetHours >= 0, request.targetHours.isFinite else { throw InvalidRecord("target hours must be ≥ 0") }
            if request.destinationLatitude != 0 || request.destinationLongitude != 0 {
                return try GeoCoordinate(latitude: request.destinationLatitude, longitude: request.destinationLongitude)
            }
            guard !request.destinationRegion.isEmpty else { throw InvalidRecord("a destination needs coordinates or a region") }
            return try tree.location(of: request.destinationRegion).coordinate
        }
        let items = needs.map(\.itemCode)
        let wanted = needs
        let supplies = try await core.store.pool.read { db in
            try MaterialReserveStore.nearestSupplies(for: wanted, items: items, destination: destination, today: today, db)
        }
        return planner.plan(needs: needs, destination: destination, supplies: supplies,
                            targetHours: request.targetHours > 0 ? request.targetHours : nil)
    }
}
