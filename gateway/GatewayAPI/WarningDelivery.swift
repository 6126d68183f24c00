import AnlanWire

/// A gateway's answer to a warning issued or lifted through it: what each part of its node did with it.
@WireMessage
public struct WarningDelivery: Hashable, Codable, Sendable {
    @Field(1) public var warningID: String = ""
    /// The node's own evacuation service (when it has one), then each child gateway the warning concerns.
    @Field(2) public var parts: [WarningPart] = []
    /// Transfer tasks the warning has at every node reached, this one's and below.
    @Field(3) public var tasks: Int64 = 0
    /// Deliveries kept for redelivery, at this node and at the nodes below it that were reached.
    @Field(4) public var queued: Int64 = 0
}
