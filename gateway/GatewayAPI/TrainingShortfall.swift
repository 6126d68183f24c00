import AnlanWire
import TrainingRecordsAPI

/// A role in a region whose training is below its target (未达标岗位): a line of the region's coverage.
@WireMessage
public struct TrainingShortfall: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var line: CoverageLine = CoverageLine()
    /// People still to train to reach the target.
    @Field(3) public var toTrain: Int64 = 0

    public init(regionCode: String = "", line: CoverageLine = CoverageLine(), toTrain: Int64 = 0) {
        self.regionCode = regionCode
        self.line = line
        self.toTrain = toTrain
    }
}
