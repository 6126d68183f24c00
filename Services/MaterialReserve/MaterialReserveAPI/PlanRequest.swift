import AnlanWire

/// Asks a node for a nearest-first plan to meet item needs at a destination from its storage points.
@WireMessage
public struct PlanRequest: Hashable, Codable, Sendable {
    /// Item code and quantity
    @Field(1) public var needs: [DispatchLine] = []
    @Field(2) public var destinationLatitude: Double = 0
    @Field(3) public var destinationLongitude: Double = 0
    /// Used for the destination when no coordinates are given (its point, or its county seat).
    @Field(4) public var destinationRegion: String = ""
    /// The time by which the goods should arrive, in hours (0: the node's default, 3).
    @Field(5) public var targetHours: Double = 0
}
