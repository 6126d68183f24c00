import AnlanRecords
import AnlanWire

/// The training rules that apply to a person in a year, and whether each is met.
@WireMessage
public struct PersonCompliance: Hashable, Codable, Sendable {
    @Field(1) public var personID: String = ""
    @Field(2) public var year: UInt32 = 0
    @Field(3) public var results: [RuleResult] = []
    /// Every rule met.
    @Field(4, .omitDefault) public var compliant: Bool = false
}
