import AnlanWire
import MaterialReserveAPI

/// A dispatch plan across tiers: quantities split over storage points of several nodes, nearest first.
@WireMessage
public struct TieredPlan: Hashable, Codable, Sendable {
    /// Names the plan; the orders a confirmation creates are keyed by it (one per node).
    @Field(1) public var planID: String = ""
    @Field(2) public var needs: [DispatchLine] = []
    @Field(3) public var destinationRegion: String = ""
    @Field(4) public var destinationLatitude: Double = 0
    @Field(5) public var destinationLongitude: Double = 0
    @Field(6) public var targetHours: Double = 0
    /// Nearest first (by distance, then node and storage point).
    @Field(7) public var lines: [NodePlanLine] = []
    /// What no node asked could supply, per item.
    @Field(8) public var unmet: [DispatchLine] = []
    /// Everything found, and every line arrives within the target.
    @Field(9) public var targetMet: Bool = false
    @Field(10) public var latestEtaHours: Double = 0
    /// The nodes asked, and whether each answered (a missing node's stock is not in the plan).
    @Field(11) public var nodes: [PartStatus] = []
}
