import AnlanRecords
import AnlanWire

/// Asks for usable landing points near a coordinate: the nearest `limit`, or (with `radiusKilometres`)
/// every one within that great-circle distance, nearest first. Usable: available, or restricted too
/// when `includeRestricted`; accepting `minimumClass` when it is given.
public struct NearestRequest: WireMessage, Hashable, Codable {
    public var latitude: Double  // 1
    public var longitude: Double  // 2
    /// 1…1000; 0 means 10.
    public var limit: UInt32  // 3
    public var minimumClass: HelicopterClass?  // 4
    public var includeRestricted: Bool  // 5
    /// 0: the nearest `limit` points at any distance.
    public var radiusKilometres: Double  // 6

    public init(latitude: Double = 0, longitude: Double = 0, limit: UInt32 = 0, minimumClass: HelicopterClass? = nil,
                includeRestricted: Bool = false, radiusKilometres: Double = 0) {
        self.latitude = latitude
        self.longitude = longitude
        self.limit = limit
        self.minimumClass = minimumClass
        self.includeRestricted = includeRestricted
        self.radiusKilometres = radiusKilometres
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: latitude = try reader.readDouble(field)
            case 2: longitude = try reader.readDouble(field)
            case 3: limit = try reader.readUInt(field)
            case 4: minimumClass = try reader.readEnum(field)
            case 5: includeRestricted = try reader.readBool(field)
            case 6: radiusKilometres = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, double: latitude)
        writer.write(2, double: longitude)
        writer.write(3, uint: limit)
        if let minimumClass { writer.write(4, enum: minimumClass) }
        if includeRestricted { writer.write(5, bool: true) }
        writer.write(6, double: radiusKilometres)
    }
}
