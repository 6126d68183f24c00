import AnlanRecords
import AnlanWire

/// Changes an enterprise's risk grade and records who did it and why.
@WireMessage
public struct RegradeRequest: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    @Field(2) public var grade: RiskGrade = .blue
    @Field(3) public var changedBy: String = ""
    @Field(4) public var reason: String = ""
    /// The day of the change; absent means today at the node.
    @Field(5) public var changedOn: CivilDay?
}
