import AnlanRecords
import AnlanWire

/// Asks for certificates expiring, or due for review, within some days.
@WireMessage
public struct ExpiringRequest: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// 0: 90. The usual steps are 90, 60, 30 and 7.
    @Field(2) public var withinDays: UInt32 = 0
    /// Absent: today.
    @Field(3) public var asOf: CivilDay?
}
