import AnlanRecords
import AnlanWire

/// 风险点: a place exposed to a natural hazard, from the comprehensive natural-disaster risk survey.
public struct HazardPoint: WireMessage, Hashable, Codable {
    public var id: String                     // 1
    /// The 12-digit township code (乡镇/街道) the point lies in.
    public var regionCode: String             // 2
    public var latitude: Double               // 3
    public var longitude: Double              // 4
    public var type: HazardType               // 5
    /// Risk band, 1 (highest) … the number of bands configured on the node (default 5, I–V).
    public var band: UInt8                    // 6
    /// People living or working in the exposed area.
    public var populationAtRisk: Int64        // 7
    /// People registered for transfer (转移) when a warning is issued.
    public var registeredForTransfer: Int64   // 8
    public var responsiblePerson: String      // 9
    public var responsiblePhone: String       // 10
    public var surveyedOn: CivilDay?          // 11 (YYYY-MM-DD)
    /// The department that surveyed it, e.g. 自然资源 (natural resources), 水利 (water resources).
    public var sourceDepartment: String       // 12

    public init(id: String = "", regionCode: String = "", latitude: Double = 0, longitude: Double = 0,
                type: HazardType = .landslide, band: UInt8 = 0, populationAtRisk: Int64 = 0,
                registeredForTransfer: Int64 = 0, responsiblePerson: String = "", responsiblePhone: String = "",
                surveyedOn: CivilDay? = nil, sourceDepartment: String = "") {
        self.id = id
        self.regionCode = regionCode
        self.latitude = latitude
        self.longitude = longitude
        self.type = type
        self.band = band
        self.populationAtRisk = populationAtRisk
        self.registeredForTransfer = registeredForTransfer
        self.responsiblePerson = responsiblePerson
        self.responsiblePhone = responsiblePhone
        self.surveyedOn = surveyedOn
        self.sourceDepartment = sourceDepartment
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: regionCode = try reader.readString(field)
            case 3: latitude = try reader.readDouble(field)
            case 4: longitude = try reader.readDouble(field)
            case 5: type = try reader.readEnum(field)
            case 6: band = try reader.readUInt(field)
            case 7: populationAtRisk = try reader.readInt64(field)
            case 8: registeredForTransfer = try reader.readInt64(field)
            case 9: responsiblePerson = try reader.readString(field)
            case 10: responsiblePhone = try reader.readString(field)
            case 11: surveyedOn = try reader.readDay(field)
            case 12: sourceDepartment = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: regionCode)
        writer.write(3, double: latitude)
        writer.write(4, double: longitude)
        writer.write(5, enum: type)
        writer.write(6, uint: band)
        writer.write(7, int: populationAtRisk)
        writer.write(8, int: registeredForTransfer)
        writer.write(9, string: responsiblePerson)
        writer.write(10, string: responsiblePhone)
        writer.write(11, day: surveyedOn)
        writer.write(12, string: sourceDepartment)
    }
}
