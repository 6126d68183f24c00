import AnlanRecords
import AnlanWire

/// Teams of one kind and readiness, and their people.
@WireMessage
public struct TeamCell: Hashable, Codable, Sendable {
    @Field(1) public var kind: TeamKind = .professional
    @Field(2) public var readiness: Readiness = .standby
    @Field(3) public var teams: Int64 = 0
    @Field(4) public var headcount: Int64 = 0
}
