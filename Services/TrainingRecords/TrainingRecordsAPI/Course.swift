import AnlanRecords
import AnlanWire

/// A training course: its hours, pass mark, the certificate it grants and the roles it counts for.
@WireMessage
public struct Course: Hashable, Codable, Sendable {
    @Field(1) public var code: String = ""
    @Field(2) public var name: String = ""
    @Field(3) public var hours: Double = 0
    /// Score out of 100 needed to pass (0: attendance passes).
    @Field(4) public var passMark: Double = 0
    @Field(5, .omitDefault) public var grantsCertificate: Bool = false
    @Field(6) public var certificateKind: String = ""
    /// Certificate validity (0: does not expire).
    @Field(7) public var validityMonths: UInt32 = 0
    /// Certificate review interval (0: none), e.g. 36 for special operations.
    @Field(8) public var reviewMonths: UInt32 = 0
    /// The roles whose training hours it counts for.
    @Field(9) public var roles: [PersonRole] = []
}
