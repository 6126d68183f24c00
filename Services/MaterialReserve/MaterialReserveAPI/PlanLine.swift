import AnlanWire

/// Part of a plan: take this many of an item from one storage point, this far away, arriving then.
@WireMessage
public struct PlanLine: Hashable, Codable, Sendable {
    @Field(1) public var storagePointID: String = ""
    @Field(2) public var itemCode: String = ""
    @Field(3) public var quantity: Int64 = 0
    /// Great-circle distance to the destination, km.
    @Field(4) public var distanceKilometres: Double = 0
    /// Loading time plus the distance at the assumed road speed, hours.
    @Field(5) public var etaHours: Double = 0
    @Field(6) public var meetsTarget: Bool = false
}
