import AnlanRecords
import AnlanWire

/// A helicopter landing point (直升机起降点) in the register.
/// 
/// Absent enums take the defaults below (kind temporary-field, surface other, lighting none, class
/// light, status available). `failedRules` is derived by the node from the record (see `ComplianceRules` in the service) and is
/// never taken from a request; `lastInspectedOn` comes from recorded inspections.
@WireMessage
public struct LandingPoint: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    @Field(2) public var name: String = ""
    @Field(3) public var regionCode: String = ""
    @Field(4) public var latitude: Double = 0
    @Field(5) public var longitude: Double = 0
    @Field(6) public var kind: LandingPointKind = .temporaryField
    /// Touchdown area length and width, metres (0: not recorded).
    @Field(7) public var lengthMetres: Double = 0
    @Field(8) public var widthMetres: Double = 0
    @Field(9) public var surface: LandingSurface = .other
    /// Slope of the touchdown area, percent (absent: not measured).
    @Field(10) public var slopePercent: Double?
    /// Height of the highest fixed structure within the 35 m diameter circle around the point, metres
    /// (absent: not measured).
    @Field(11) public var obstacleHeightMetres: Double?
    /// Power lines within 100 m.
    @Field(12, .omitDefault) public var powerLinesNear: Bool = false
    @Field(13, .omitDefault) public var groundMarking: Bool = false
    @Field(14) public var nightLighting: NightLighting = .none
    /// The largest helicopter class it accepts.
    @Field(15) public var largestClass: HelicopterClass = .light
    @Field(16) public var manager: String = ""
    @Field(17) public var phone: String = ""
    /// 0: not recorded.
    @Field(18) public var yearBuilt: UInt32 = 0
    @Field(19) public var status: LandingPointStatus = .available
    @Field(20) public var statusReason: String = ""
    /// Set by the node from recorded inspections.
    @Field(21) public var lastInspectedOn: CivilDay?
    /// The compliance rules it fails, by id (derived by the node).
    @Field(22) public var failedRules: [String] = []
    /// Where the record came from, e.g. "OurAirports CN-0128".
    @Field(23) public var source: String = ""
}
