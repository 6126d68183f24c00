import AnlanRecords
import AnlanWire

/// One entry in an enterprise's grade history: the grade it got, the one before (none for the first), when, who, why.
@WireMessage
public struct GradeChange: Hashable, Codable, Sendable {
    @Field(1) public var grade: RiskGrade = .blue
    /// (absent for the first); 3
    @Field(2) public var previous: RiskGrade?
    @Field(3) public var changedOn: CivilDay?
    @Field(4) public var changedBy: String = ""
    @Field(5) public var reason: String = ""
}
