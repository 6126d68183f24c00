import AnlanRecords
import AnlanWire

/// 风险点: a place exposed to a natural hazard, from the comprehensive natural-disaster risk survey.
@WireMessage
public struct HazardPoint: Hashable, Codable, Sendable {
    /// ≤ 64 bytes, no control characters
    @Field(1) public var id: String = ""
    /// The 12-digit township code (乡镇/街道) the point lies in.
    @Field(2) public var regionCode: String = ""
    @Field(3) public var latitude: Double = 0
    @Field(4) public var longitude: Double = 0
    @Field(5) public var type: HazardType = .landslide
    /// Risk band, 1 (highest) … the number of bands configured on the node (default 5, I–V).
    @Field(6) public var band: UInt8 = 0
    /// People living or working in the exposed area.
    @Field(7) public var populationAtRisk: Int64 = 0
    /// People registered for transfer (转移) when a warning is issued.
    @Field(8) public var registeredForTransfer: Int64 = 0
    @Field(9) public var responsiblePerson: String = ""
    @Field(10) public var responsiblePhone: String = ""
    /// YYYY-MM-DD
    @Field(11) public var surveyedOn: CivilDay?
    /// The department that surveyed it, e.g. 自然资源 (natural resources), 水利 (water resources).
    @Field(12) public var sourceDepartment: String = ""
}
