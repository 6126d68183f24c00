import AnlanRecords
import AnlanWire

/// An enterprise in the safety risk survey (企业安全风险普查) with its four-colour risk grade.
@WireMessage
public struct Enterprise: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    /// Required.
    @Field(2) public var name: String = ""
    /// 统一社会信用代码, validated (18 characters, check character).
    @Field(3) public var creditCode: String = ""
    /// The county or township it is registered in.
    @Field(4) public var regionCode: String = ""
    @Field(5) public var sector: IndustrySector = .industryAndMining
    /// Whether it holds a major hazard source (重大危险源).
    @Field(6) public var majorHazardSource: Bool = false
    @Field(7) public var grade: RiskGrade = .blue
    /// Every grade it has had, oldest first (answers only; ignored in requests).
    @Field(8) public var gradeHistory: [GradeChange] = []
}
