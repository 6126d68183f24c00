import AnlanRecords
import AnlanWire

/// A helicopter landing point (直升机起降点) in the register.
/// 
/// Absent enums take the defaults below (kind temporary-field, surface other, lighting none, class
/// light, status available). `failedRules` is derived by the node from the record (see `ComplianceRules` in the service) and is
/// never taken from a request; `lastInspectedOn` comes from recorded inspections.
public struct LandingPoint: WireMessage, Hashable, Codable {
    public var id: String  // 1
    public var name: String  // 2
    public var regionCode: String  // 3
    public var latitude: Double  // 4
    public var longitude: Double  // 5
    public var kind: LandingPointKind  // 6
    /// Touchdown area length and width, metres (0: not recorded).
    public var lengthMetres: Double  // 7
    public var widthMetres: Double  // 8
    public var surface: LandingSurface  // 9
    /// Slope of the touchdown area, percent (absent: not measured).
    public var slopePercent: Double?  // 10
    /// Height of the highest fixed structure within the 35 m diameter circle around the point, metres
    /// (absent: not measured).
    public var obstacleHeightMetres: Double?  // 11
    /// Power lines within 100 m.
    public var powerLinesNear: Bool  // 12
    public var groundMarking: Bool  // 13
    public var nightLighting: NightLighting  // 14
    /// The largest helicopter class it accepts.
    public var largestClass: HelicopterClass  // 15
    public var manager: String  // 16
    public var phone: String  // 17
    /// 0: not recorded.
    public var yearBuilt: UInt32  // 18
    public var status: LandingPointStatus  // 19
    public var statusReason: String  // 20
    /// Set by the node from recorded inspections.
    public var lastInspectedOn: CivilDay?  // 21
    /// The compliance rules it fails, by id (derived by the node).
    public var failedRules: [String]  // 22 (repeated)
    /// Where the record came from, e.g. "OurAirports CN-0128".
    public var source: String  // 23

    public init(id: String = "", name: String = "", regionCode: String = "", latitude: Double = 0, longitude: Double = 0,
                kind: LandingPointKind = .temporaryField, lengthMetres: Double = 0, widthMetres: Double = 0,
                surface: LandingSurface = .other, slopePercent: Double? = nil, obstacleHeightMetres: Double? = nil,
                powerLinesNear: Bool = false, groundMarking: Bool = false, nightLighting: NightLighting = .none,
                largestClass: HelicopterClass = .light, manager: String = "", phone: String = "", yearBuilt: UInt32 = 0,
                status: LandingPointStatus = .available, statusReason: String = "", lastInspectedOn: CivilDay? = nil,
                failedRules: [String] = [], source: String = "") {
        self.id = id
        self.name = name
        self.regionCode = regionCode
        self.latitude = latitude
        self.longitude = longitude
        self.kind = kind
        self.lengthMetres = lengthMetres
        self.widthMetres = widthMetres
        self.surface = surface
        self.slopePercent = slopePercent
        self.obstacleHeightMetres = obstacleHeightMetres
        self.powerLinesNear = powerLinesNear
        self.groundMarking = groundMarking
        self.nightLighting = nightLighting
        self.largestClass = largestClass
        self.manager = manager
        self.phone = phone
        self.yearBuilt = yearBuilt
        self.status = status
        self.statusReason = statusReason
        self.lastInspectedOn = lastInspectedOn
        self.failedRules = failedRules
        self.source = source
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: regionCode = try reader.readString(field)
            case 4: latitude = try reader.readDouble(field)
            case 5: longitude = try reader.readDouble(field)
            case 6: kind = try reader.readEnum(field)
            case 7: lengthMetres = try reader.readDouble(field)
            case 8: widthMetres = try reader.readDouble(field)
            case 9: surface = try reader.readEnum(field)
            case 10: slopePercent = try reader.readDouble(field)
            case 11: obstacleHeightMetres = try reader.readDouble(field)
            case 12: powerLinesNear = try reader.readBool(field)
            case 13: groundMarking = try reader.readBool(field)
            case 14: nightLighting = try reader.readEnum(field)
            case 15: largestClass = try reader.readEnum(field)
            case 16: manager = try reader.readString(field)
            case 17: phone = try reader.readString(field)
            case 18: yearBuilt = try reader.readUInt(field)
            case 19: status = try reader.readEnum(field)
            case 20: statusReason = try reader.readString(field)
            case 21: lastInspectedOn = try reader.readDay(field)
            case 22: failedRules.append(try reader.readString(field))
            case 23: source = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
        writer.write(2, string: name)
        writer.write(3, string: regionCode)
        writer.write(4, double: latitude)
        writer.write(5, double: longitude)
        writer.write(6, enum: kind)
        writer.write(7, double: lengthMetres)
        writer.write(8, double: widthMetres)
        writer.write(9, enum: surface)
        if let slopePercent { writer.write(10, double: slopePercent) }
        if let obstacleHeightMetres { writer.write(11, double: obstacleHeightMetres) }
        if powerLinesNear { writer.write(12, bool: true) }
        if groundMarking { writer.write(13, bool: true) }
        writer.write(14, enum: nightLighting)
        writer.write(15, enum: largestClass)
        writer.write(16, string: manager)
        writer.write(17, string: phone)
        writer.write(18, uint: yearBuilt)
        writer.write(19, enum: status)
        writer.write(20, string: statusReason)
        writer.write(21, day: lastInspectedOn)
        writer.write(22, strings: failedRules)
        writer.write(23, string: source)
    }
}
