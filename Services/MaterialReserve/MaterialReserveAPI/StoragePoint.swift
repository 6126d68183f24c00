import AnlanRecords
import AnlanWire

/// 储备库点: a place that holds emergency supplies.
public struct StoragePoint: WireMessage, Hashable, Codable {
    public var id: String              // 1
    public var regionCode: String      // 2
    public var name: String            // 3
    public var latitude: Double        // 4
    public var longitude: Double       // 5
    /// Capacity in units (0: not recorded).
    public var capacity: Int64         // 6
    public var contact: String         // 7
    public var phone: String           // 8
    /// The tier that owns it (1 province … 4 township).
    public var ownerTier: UInt8        // 9

    public init(id: String = "", regionCode: String = "", name: String = "", latitude: Double = 0, longitude: Double = 0,
                capacity: Int64 = 0, contact: String = "", phone: String = "", ownerTier: UInt8 = 0) {
        self.id = id
        self.regionCode = regionCode
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.contact = contact
        self.phone = phone
        self.ownerTier = ownerTier
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: regionCode = try reader.readString(field)
            case 3: name = try reader.readString(field)
            case 4: latitude = try reader.readDouble(field)
            case 5: longitude = try reader.readDouble(field)
            case 6: capacity = try reader.readInt64(field)
            case 7: contact = try reader.readString(field)
            case 8: phone = try reader.readString(field)
            case 9: ownerTier = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: regionCode)
        writer.write(3, string: name)
        writer.write(4, double: latitude)
        writer.write(5, double: longitude)
        writer.write(6, int: capacity)
        writer.write(7, string: contact)
        writer.write(8, string: phone)
        writer.write(9, uint: ownerTier)
    }
}
