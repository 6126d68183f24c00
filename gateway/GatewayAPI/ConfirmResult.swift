import AnlanWire

/// A confirmation's answer: every node's order and whether the plan as a whole stands.
public struct ConfirmResult: WireMessage, Hashable, Codable {
    public var planID: String        // 1
    /// Every node's order approved. When false, every order that was created has been cancelled
    /// (its stock released), except where a node's outcome is `unknown`.
    public var confirmed: Bool       // 2
    public var orders: [NodeOrder]   // 3 (repeated)

    public init(planID: String = "", confirmed: Bool = false, orders: [NodeOrder] = []) {
        self.planID = planID
        self.confirmed = confirmed
        self.orders = orders
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: planID = try reader.readString(field)
            case 2: confirmed = try reader.readBool(field)
            case 3: orders.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: planID)
        writer.write(2, bool: confirmed)
        writer.write(3, messages: orders)
    }
}
