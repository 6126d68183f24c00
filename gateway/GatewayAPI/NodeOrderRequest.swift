import AnlanWire
import MaterialReserveAPI

/// Between gateways: a dispatch-order step for the material-reserve of the node serving `node`,
/// passed down the tiers to it.
@WireMessage
public struct NodeOrderRequest: Hashable, Codable, Sendable {
    /// the owning node's region
    @Field(1) public var node: String = ""
    @Field(2) public var action: OrderAction = .create
    /// For create.
    @Field(3) public var order: DispatchOrder = DispatchOrder()
    /// For approve and cancel.
    @Field(4) public var step: OrderStep = OrderStep()
}
