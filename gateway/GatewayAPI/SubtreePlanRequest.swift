import AnlanWire
import MaterialReserveAPI

/// Between gateways: plan a need from a node's subtree, either starting at the destination's own node
/// and widening only as far as needed, or over the whole subtree (the destination lies elsewhere).
@WireMessage
public struct SubtreePlanRequest: Hashable, Codable, Sendable {
    /// Needs, destination coordinates (always given) and target hours.
    @Field(1) public var request: PlanRequest = PlanRequest()
    @Field(2) public var wholeSubtree: Bool = false
}
