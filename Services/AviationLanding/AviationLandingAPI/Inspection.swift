import AnlanRPC
import AnlanRecords
import AnlanWire

/// An inspection of a landing point: it sets the point's status (and its last-inspected day when it is
/// the latest).
@WireMessage
public struct Inspection: Hashable, Codable, Sendable {
    /// Set by the node.
    @Field(1) public var sequence: Int64 = 0
    @Field(2) public var pointID: String = ""
    @Field(3) public var inspectedOn: CivilDay?
    @Field(4) public var inspector: String = ""
    @Field(5) public var findings: String = ""
    /// Required: what the inspection found the point fit for.
    @Field(6) public var resultingStatus: LandingPointStatus?
    /// Required unless the resulting status is available.
    @Field(7) public var statusReason: String = ""
}

extension Inspection: ActorStampedRequest {
    public var stampedActor: String {
        get { inspector }
        set { inspector = newValue }
    }
}
