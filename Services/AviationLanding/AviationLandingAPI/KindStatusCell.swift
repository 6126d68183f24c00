import AnlanRecords
import AnlanWire

/// Landing points of one kind and status, and how many of them pass every compliance rule.
@WireMessage
public struct KindStatusCell: Hashable, Codable, Sendable {
    @Field(1) public var kind: LandingPointKind = .other
    @Field(2) public var status: LandingPointStatus = .available
    @Field(3) public var points: Int64 = 0
    @Field(4) public var compliant: Int64 = 0
}
