import AnlanWire

/// A region's two indices and its children ranked in each (管控力指数及晾晒).
@WireMessage
public struct IndexReport: Hashable, Codable, Sendable {
    /// The region's work-safety and natural-disaster indices.
    @Field(1) public var region: [ControlIndex] = []
    /// The children ranked in the work-safety index, best first.
    @Field(2) public var workSafetyRanking: [RankedRegion] = []
    /// The children ranked in the natural-disaster index, best first.
    @Field(3) public var naturalDisasterRanking: [RankedRegion] = []
    /// Whether this is the live index (during a warning or response it is recomputed with every
    /// standing summary) or a published month's.
    @Field(4) public var month: String = ""
    /// Whether a warning or an incident response is in force in the region (the live index is then the
    /// one published during the response).
    @Field(5) public var responseActive: Bool = false

    public init() {}
}
