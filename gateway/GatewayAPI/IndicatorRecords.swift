import AnlanWire
import HazardSurveyAPI

/// What stands behind one indicator of a region: its value there, each child region's (worst first),
/// and the records it counts — the open hidden hazards that are overdue, listed or major, or the roles
/// whose training is short of its target.
@WireMessage
public struct IndicatorRecords: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// The indicator in the region itself.
    @Field(2) public var value: IndicatorValue = IndicatorValue()
    /// Each child region's, the lowest-scored first, those without data last.
    @Field(3) public var regions: [RegionIndicator] = []
    /// For the hidden-hazard indicators: the open hazards counted (overdue or listed; or major), oldest
    /// deadline first, at most the limit, gathered from every node of the subtree.
    @Field(4) public var hiddenHazards: [HiddenHazard] = []
    /// For the training indicators: each role line short of its target in the region's children (or the
    /// region itself when it has none), the most people to train first.
    @Field(5) public var trainingShortfalls: [TrainingShortfall] = []

    public init() {}
}
