import AnlanWire

/// Moves a dispatch order one step (approve, dispatch, receive, cancel), by id.
public struct OrderStep: WireMessage, Hashable, Codable {
    public var orderID: String          // 1
    public var actor: String            // 2
    /// For receive: what arrived, per item (`quantity` is the received count).
    public var received: [DispatchLine] // 3 (repeated)

    public init(orderID: String = "", actor: String = "", received: [DispatchLine] = []) {
        self.orderID = orderID
        self.actor = actor
        self.received = received
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: orderID = try reader.readString(field)
            case 2: actor = try reader.readString(field)
            case 3: received.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: orderID)
        writer.write(2, string: actor)
        writer.write(3, messages: received)
    }
}
