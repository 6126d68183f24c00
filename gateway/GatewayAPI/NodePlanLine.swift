import AnlanWire
import MaterialReserveAPI

/// A plan line and the node whose storage point it draws on.
@WireMessage
public struct NodePlanLine: Hashable, Codable, Sendable {
    /// The region code of the node holding the storage point.
    @Field(1) public var node: String = ""
    @Field(2) public var line: PlanLine = PlanLine()
}
