import AnlanWire

/// Asks a node for a nearest-first plan to meet item needs at a destination from its storage points.
public struct PlanRequest: WireMessage, Hashable, Codable {
    public var needs: [DispatchLine]         // 1 (repeated; item code and quantity)
    public var destinationLatitude: Double   // 2
    public var destinationLongitude: Double  // 3
    /// Used for the destination when no coordinates are given (its point, or its county seat).
    public var destinationRegion: String     // 4
    /// The time by which the goods should arrive, in hours (0: the node's default, 3).
    public var targetHours: Double           // 5

    public init(needs: [DispatchLine] = [], destinationLatitude: Double = 0, destinationLongitude: Double = 0,
                destinationRegion: String = "", targetHours: Double = 0) {
        self.needs = needs
        self.destinationLatitude = destinationLatitude
        self.destinationLongitude = destinationLongitude
        self.destinationRegion = destinationRegion
        self.targetHours = targetHours
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: needs.append(try reader.readMessage(field))
            case 2: destinationLatitude = try reader.readDouble(field)
            case 3: destinationLongitude = try reader.readDouble(field)
            case 4: destinationRegion = try reader.readString(field)
            case 5: targetHours = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: needs)
        writer.write(2, double: destinationLatitude)
        writer.write(3, double: destinationLongitude)
        writer.write(4, string: destinationRegion)
        writer.write(5, double: targetHours)
    }
}
