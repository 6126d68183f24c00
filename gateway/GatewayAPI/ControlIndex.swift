import AnlanWire

/// One region's control-power index (管控力指数) of one kind: the weighted score of its indicators with
/// data, and how far it can be relied on.
@WireMessage
public struct ControlIndex: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var kind: IndexKind = .workSafety
    /// 0–100; absent when the indicators with data carry less than the configuration's minimum share of
    /// the weight (a region is not scored on a fragment of its picture).
    @Field(3) public var score: Double?
    /// 0–1: the share of the weight whose indicators had data, times the share of the region's nodes
    /// that reported fresh figures (INFORM's reliability, made a number).
    @Field(4) public var reliability: Double = 0
    /// Indicators with data / indicators in the index.
    @Field(5) public var indicatorsWithData: UInt32 = 0
    @Field(6) public var indicators: UInt32 = 0
    /// Every indicator, in the configuration's order.
    @Field(7) public var values: [IndicatorValue] = []
    /// The index configuration's version the score was computed with.
    @Field(8) public var configurationVersion: String = ""
    /// When the figures were composed (Unix ms).
    @Field(9) public var asOfMilliseconds: Int64 = 0
    /// Whether the region's figures were fresh, its last good ones (stale), or missing.
    @Field(10) public var freshness: Freshness = .fresh
    /// The month of a published snapshot (`2026-11`); empty for a live index.
    @Field(11) public var month: String = ""

    public init(regionCode: String = "", kind: IndexKind = .workSafety) {
        self.regionCode = regionCode
        self.kind = kind
    }
}
