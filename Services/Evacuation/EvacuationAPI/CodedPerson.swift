import AnlanRecords
import AnlanWire

/// 人员赋码: a person living or working in a risk zone, with the transfer code a cadre scans when
/// moving them (码上转).
///
/// The national ID number is stored in full by the owning node and sent masked (first 6 and last 4
/// characters) in every answer.
@WireMessage
public struct CodedPerson: Hashable, Codable, Sendable {
    /// 转移码: 8 Crockford base-32 characters and a check character (`TransferCode`).
    @Field(1) public var transferCode: String = ""
    @Field(2) public var name: String = ""
    /// 18 characters, GB 11643 check character; masked in answers.
    @Field(3) public var nationalID: String = ""
    @Field(4) public var phone: String = ""
    /// The 12-digit township (乡镇/街道) the person lives in.
    @Field(5) public var regionCode: String = ""
    /// The village (行政村/社区).
    @Field(6) public var village: String = ""
    /// The hazard points (hazard-survey ids) of the person's township they are exposed to.
    @Field(7) public var hazardPointIDs: [String] = []
    @Field(8) public var riskKind: RiskZoneKind = .geological
    /// Why the person is moved first, if they are.
    @Field(9) public var needs: [PersonNeed] = []
    /// 包保责任人: the village cadre who moves this person (县包乡、乡包村、村包户).
    @Field(10) public var cadre: String = ""
    @Field(11) public var cadrePhone: String = ""
    /// The shelter assigned in advance ("" for none: relatives, or the nearest with room).
    @Field(12) public var shelterID: String = ""
    /// What the QR code on the person's card holds: `ANLAN-TC:<transfer code>`.
    @Field(13) public var qrPayload: String { TransferCode.qrPayload(transferCode) }

    /// Moved first: anyone with a need.
    public var isVulnerable: Bool { !needs.isEmpty }
}
