import AnlanWire

/// Part of a plan: take this many of an item from one storage point, this far away, arriving then.
public struct PlanLine: WireMessage, Hashable, Codable {
    public var storagePointID: String   // 1
    public var itemCode: String         // 2
    public var quantity: Int64          // 3
    /// Great-circle distance to the destination, km.
    public var distanceKilometres: Double  // 4
    /// Loading time plus the distance at the assumed road speed, hours.
    public var etaHours: Double         // 5
    public var meetsTarget: Bool        // 6

    public init(storagePointID: String = "", itemCode: String = "", quantity: Int64 = 0, distanceKilometres: Double = 0,
                etaHours: Double = 0, meetsTarget: Bool = false) {
        self.storagePointID = storagePointID
        self.itemCode = itemCode
        self.quantity = quantity
        self.distanceKilometres = distanceKilometres
        self.etaHours = etaHours
        self.meetsTarget = meetsTarget
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: storagePointID = try reader.readString(field)
            case 2: itemCode = try reader.readString(field)
            case 3: quantity = try reader.readInt64(field)
            case 4: distanceKilometres = try reader.readDouble(field)
            case 5: etaHours = try reader.readDouble(field)
            case 6: meetsTarget = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: storagePointID)
        writer.write(2, string: itemCode)
        writer.write(3, int: quantity)
        writer.write(4, double: distanceKilometres)
        writer.write(5, double: etaHours)
        writer.write(6, bool: meetsTarget)
    }
}
