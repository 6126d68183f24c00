import AnlanRecords
import AnlanWire

/// Certificates due within the window, soonest first.
@WireMessage
public struct ExpiringReport: Hashable, Codable, Sendable {
    @Field(1) public var asOf: CivilDay?
    @Field(2) public var through: CivilDay?
    @Field(3) public var certificates: [ExpiringCertificate] = []
}
