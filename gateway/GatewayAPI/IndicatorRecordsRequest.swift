import AnlanWire

/// Asks what stands behind one indicator of a region (指标下钻): each child region's figures for it and,
/// where the indicator counts records, the records themselves.
@WireMessage
public struct IndicatorRecordsRequest: Hashable, Codable, Sendable {
    /// The region; empty means the gateway's own.
    @Field(1) public var regionCode: String = ""
    /// The indicator's id (docs/INDICES.md), e.g. `hazards-overdue-listed`.
    @Field(2) public var indicator: String = ""
    /// At most this many records (0: 100; at most 1,000).
    @Field(3) public var limit: UInt32 = 0

    public init(regionCode: String = "", indicator: String = "", limit: UInt32 = 0) {
        self.regionCode = regionCode
        self.indicator = indicator
        self.limit = limit
    }
}
