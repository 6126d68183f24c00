import AnlanWire

/// One region's figures for an indicator, and how they were obtained.
@WireMessage
public struct RegionIndicator: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var value: IndicatorValue = IndicatorValue()
    @Field(3) public var freshness: Freshness = .fresh

    public init(regionCode: String = "", value: IndicatorValue = IndicatorValue(), freshness: Freshness = .fresh) {
        self.regionCode = regionCode
        self.value = value
        self.freshness = freshness
    }
}
