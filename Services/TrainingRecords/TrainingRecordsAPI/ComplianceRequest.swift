import AnlanRecords
import AnlanWire

/// Asks for a person's compliance in a year.
@WireMessage
public struct ComplianceRequest: Hashable, Codable, Sendable {
    @Field(1) public var personID: String = ""
    /// 0: this year.
    @Field(2) public var year: UInt32 = 0
}
