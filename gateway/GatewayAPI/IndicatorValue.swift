import AnlanWire

/// One indicator of an index for one region (指标): its numerator and denominator, summed up the tiers
/// (never an average of percentages), and the 0–100 score its documented scale gives them.
@WireMessage
public struct IndicatorValue: Hashable, Codable, Sendable {
    /// The indicator's id in the index configuration, e.g. `hazards-closed-on-time`.
    @Field(1) public var id: String = ""
    /// Its Chinese name, as the published tables give it.
    @Field(2) public var name: String = ""
    /// The area it belongs to (工作部署、责任落实、人员转移、应急救援、灾后恢复; or the work-safety areas).
    @Field(3) public var area: String = ""
    @Field(4) public var numerator: Double = 0
    @Field(5) public var denominator: Double = 0
    /// The raw value (numerator ÷ denominator, times the indicator's unit); absent when the data is missing.
    @Field(6) public var value: Double?
    /// 0–100 on the indicator's scale (higher is better control); absent when the data is missing —
    /// never zero for "no data".
    @Field(7) public var score: Double?
    /// Its weight in the index (of the weights of the whole list).
    @Field(8) public var weight: Double = 0
    /// Why there is no value (no denominator: nothing to measure, or no service reporting it).
    @Field(9) public var missingReason: String = ""

    public init(id: String = "", name: String = "", area: String = "", numerator: Double = 0, denominator: Double = 0,
                value: Double? = nil, score: Double? = nil, weight: Double = 0, missingReason: String = "") {
        self.id = id
        self.name = name
        self.area = area
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.score = score
        self.weight = weight
        self.missingReason = missingReason
    }
}
