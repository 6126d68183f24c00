import AnlanWire
import MaterialReserveAPI

/// Between gateways: a dispatch-order step for the material-reserve of the node serving `node`,
/// passed down the tiers to it.
public struct NodeOrderRequest: WireMessage, Hashable, Codable {
    public var node: String           // 1
    public var action: OrderAction    // 2
    /// For create.
    public var order: DispatchOrder   // 3
    /// For approve and cancel.
    public var step: OrderStep        // 4

    public init(node: String = "", action: OrderAction = .create, order: DispatchOrder = DispatchOrder(), step: OrderStep = OrderStep()) {
        self.node = node
        self.action = action
        self.order = order
        self.step = step
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: node = try reader.readString(field)
            case 2: action = try reader.readEnum(field)
            case 3: order = try reader.readMessage(field)
            case 4: step = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: node)
        writer.write(2, enum: action)
        writer.write(3, message: order)
        writer.write(4, message: step)
    }
}
