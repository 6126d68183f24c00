import AnlanRecords
import AnlanWire

/// A certificate that expires, or is due for review, soon.
@WireMessage
public struct ExpiringCertificate: Hashable, Codable, Sendable {
    @Field(1) public var certificate: Certificate = Certificate()
    @Field(2) public var personName: String = ""
    @Field(3) public var regionCode: String = ""
    /// Expiry or review, whichever comes first.
    @Field(4) public var dueOn: CivilDay?
    /// Negative: already past.
    @Field(5) public var daysLeft: Int64 = 0
    /// The due day is a review, not the expiry.
    @Field(6, .omitDefault) public var review: Bool = false
}
