import AnlanWire

/// A region's summary and its children's, side by side.
@WireMessage
public struct DrillDown: Hashable, Codable, Sendable {
    @Field(1) public var region: RegionSummary = RegionSummary()
    /// One per child region, in code order.
    @Field(2) public var children: [RegionSummary] = []
}
