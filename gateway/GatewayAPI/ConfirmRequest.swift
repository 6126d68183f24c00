import AnlanWire

/// Confirms a plan: one dispatch order per node it draws on, each approved (its stock reserved).
public struct ConfirmRequest: WireMessage, Hashable, Codable {
    public var plan: TieredPlan     // 1
    public var requestedBy: String  // 2

    public init(plan: TieredPlan = TieredPlan(), requestedBy: String = "") {
        self.plan = plan
        self.requestedBy = requestedBy
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: plan = try reader.readMessage(field)
            case 2: requestedBy = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: plan)
        writer.write(2, string: requestedBy)
    }
}
