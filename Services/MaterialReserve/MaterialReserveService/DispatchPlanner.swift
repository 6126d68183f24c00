import AnlanRegions
import MaterialReserveAPI

/// Splits item needs across storage points, nearest first: the pure part of local dispatch planning.
///
/// ETA = loading time + great-circle distance ÷ road speed. Straight-line distance under-states road
/// distance, so the default speed (40 km/h) is deliberately low for mountain and flood conditions;
/// both are configurable per node.
public struct DispatchPlanner: Sendable {
    /// Assumed average road speed, km/h.
    public var roadSpeedKilometresPerHour: Double
    /// Time to load before leaving, hours.
    public var loadingHours: Double
    /// The arrival target when a request gives none, hours (Zhejiang's 3-hour standard).
    public var defaultTargetHours: Double

    public init(roadSpeedKilometresPerHour: Double = 40, loadingHours: Double = 0.5, defaultTargetHours: Double = 3) {
        self.roadSpeedKilometresPerHour = roadSpeedKilometresPerHour
        self.loadingHours = loadingHours
        self.defaultTargetHours = defaultTargetHours
    }

    /// What one storage point can give of one item.
    public struct Supply: Sendable, Hashable {
        public var storagePointID: String
        public var location: GeoCoordinate
        public var itemCode: String
        public var available: Int64

        public init(storagePointID: String, location: GeoCoordinate, itemCode: String, available: Int64) {
            self.storagePointID = storagePointID
            self.location = location
            self.itemCode = itemCode
            self.available = available
        }
    }

    /// The plan for `needs` at `destination` from `supplies`.
    public func plan(needs: [DispatchLine], destination: GeoCoordinate, supplies: [Supply], targetHours: Double? = nil) -> DispatchPlan {
        let target = targetHours ?? defaultTargetHours
        var lines: [PlanLine] = []
        var unmet: [DispatchLine] = []
        for need in needs {
            var remaining = need.quantity
            let candidates = supplies.filter { $0.itemCode == need.itemCode && $0.available > 0 }
                .map { (supply: $0, metres: destination.distance(to: $0.location)) }
                .sorted { ($0.metres, $0.supply.storagePointID) < ($1.metres, $1.supply.storagePointID) }
            for candidate in candidates where remaining > 0 {
                let take = min(remaining, candidate.supply.available)
                let kilometres = candidate.metres / 1000
                let eta = loadingHours + kilometres / roadSpeedKilometresPerHour
                lines.append(PlanLine(storagePointID: candidate.supply.storagePointID, itemCode: need.itemCode, quantity: take,
                                      distanceKilometres: kilometres, etaHours: eta, meetsTarget: eta <= target))
                remaining -= take
            }
            if remaining > 0 { unmet.append(DispatchLine(itemCode: need.itemCode, quantity: remaining)) }
        }
        let latest = lines.map(\.etaHours).max() ?? 0
        return DispatchPlan(lines: lines, unmet: unmet, targetHours: target,
                            targetMet: unmet.isEmpty && lines.allSatisfy(\.meetsTarget), latestEtaHours: latest)
    }
}
