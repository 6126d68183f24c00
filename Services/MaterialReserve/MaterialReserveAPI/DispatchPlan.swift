import AnlanWire

/// A nearest-first plan: the lines, what could not be found, and whether the target time is met.
@WireMessage
public struct DispatchPlan: Hashable, Codable, Sendable {
    /// Nearest first per item
    @Field(1) public var lines: [PlanLine] = []
    /// Quantities no storage point of this node could supply, per item.
    @Field(2) public var unmet: [DispatchLine] = []
    @Field(3) public var targetHours: Double = 0
    /// Everything found, and every line arrives within the target.
    @Field(4) public var targetMet: Bool = false
    /// The latest arrival of any line, hours.
    @Field(5) public var latestEtaHours: Double = 0
}
