import AnlanWire

/// Asks a gateway for a region's control-power indices and its children's, ranked.
@WireMessage
public struct IndexRequest: Hashable, Codable, Sendable {
    /// The region: the gateway's own (empty) or one of its children's, whose own children are ranked.
    @Field(1) public var regionCode: String = ""
    /// A published month (`2026-11`); empty: the live index, from the standing summaries.
    @Field(2) public var month: String = ""

    public init(regionCode: String = "", month: String = "") {
        self.regionCode = regionCode
        self.month = month
    }
}
