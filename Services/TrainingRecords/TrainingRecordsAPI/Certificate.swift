import AnlanRecords
import AnlanWire

/// A certificate a person holds.
@WireMessage
public struct Certificate: Hashable, Codable, Sendable {
    @Field(1) public var personID: String = ""
    @Field(2) public var kind: String = ""
    @Field(3) public var number: String = ""
    @Field(4) public var issuedOn: CivilDay?
    /// Absent: does not expire.
    @Field(5) public var expiresOn: CivilDay?
    /// The next review (special operations: every 3 years).
    @Field(6) public var reviewDueOn: CivilDay?
}
