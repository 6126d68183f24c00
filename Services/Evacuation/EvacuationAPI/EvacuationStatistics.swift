import AnlanRecords
import AnlanWire

/// A region's evacuation figures for roll-up: counts only, so a parent's are the sums of its own
/// and its children's, and any rate (moved ÷ to move) is computed by whoever shows it.
///
/// Transfer counts are per (person, active warning): a person under two active warnings counts twice.
@WireMessage
public struct EvacuationStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// 人员赋码: coded people.
    @Field(2) public var coded: Int64 = 0
    /// Coded people with a need (重点人员).
    @Field(3) public var vulnerable: Int64 = 0
    /// Warnings in force covering the region (a warning counts once per node that holds it).
    @Field(4) public var activeWarnings: Int64 = 0
    /// Transfer tasks under active warnings: the denominator of 应转尽转.
    @Field(5) public var toMove: Int64 = 0
    /// Tasks called (叫应) or further along.
    @Field(6) public var called: Int64 = 0
    /// Tasks moved (to a shelter or relatives), returned included.
    @Field(7) public var moved: Int64 = 0
    /// Tasks moved to a shelter and not returned.
    @Field(8) public var sheltered: Int64 = 0
    /// Tasks refused or unreachable.
    @Field(9) public var unresolved: Int64 = 0
    /// Vulnerable people's tasks not yet moved.
    @Field(10) public var vulnerableNotMoved: Int64 = 0
    @Field(11) public var shelters: Int64 = 0
    /// 安置容量: shelter places.
    @Field(12) public var shelterCapacity: Int64 = 0
    /// People in shelters now.
    @Field(13) public var shelterOccupancy: Int64 = 0
    /// Shelters holding more people than places.
    @Field(14) public var sheltersOverCapacity: Int64 = 0

    /// Adds every part's counts to these (the region stays this one's).
    public mutating func merge(contentsOf parts: some Sequence<EvacuationStatistics>) {
        for part in parts {
            coded.addSaturating(part.coded)
            vulnerable.addSaturating(part.vulnerable)
            activeWarnings.addSaturating(part.activeWarnings)
            toMove.addSaturating(part.toMove)
            called.addSaturating(part.called)
            moved.addSaturating(part.moved)
            sheltered.addSaturating(part.sheltered)
            unresolved.addSaturating(part.unresolved)
            vulnerableNotMoved.addSaturating(part.vulnerableNotMoved)
            shelters.addSaturating(part.shelters)
            shelterCapacity.addSaturating(part.shelterCapacity)
            shelterOccupancy.addSaturating(part.shelterOccupancy)
            sheltersOverCapacity.addSaturating(part.sheltersOverCapacity)
        }
    }
}
