import AnlanRecords
import AnlanWire

/// Someone in emergency work whose training is recorded.
/// 
/// The national ID number is stored in full by the owning node and sent masked (first 6 and last 4
/// characters) in every answer: only the node's local CLI shows it whole.
@WireMessage
public struct Person: Hashable, Codable, Sendable {
    @Field(1) public var id: String = ""
    @Field(2) public var name: String = ""
    /// 18 characters, GB 11643 check character.
    @Field(3) public var nationalID: String = ""
    @Field(4) public var role: PersonRole = .employee
    /// Village-level officers carry their township's code and a `village`.
    @Field(5) public var regionCode: String = ""
    /// The village (行政村) for village-level people; "" otherwise.
    @Field(6) public var village: String = ""
    @Field(7) public var employer: String = ""
    /// Mining, hazardous chemicals, fireworks or metal smelting.
    @Field(8, .omitDefault) public var highRiskSector: Bool = false
    /// When the person took up the role.
    @Field(9) public var joinedOn: CivilDay?
}
