import AnlanWire

/// Every county of a node's subtree as a summary (区县一览), for the map that colours them.
@WireMessage
public struct CountySummaries: Hashable, Codable, Sendable {
    /// One per county, in code order: each as its own gateway reported it (fresh, stale or missing),
    /// with the records the nodes above hold in it added.
    @Field(1) public var counties: [RegionSummary] = []

    public init(counties: [RegionSummary] = []) {
        self.counties = counties
    }
}
