import AnlanRecords
import AnlanWire

/// How one training rule stands for a person.
@WireMessage
public struct RuleResult: Hashable, Codable, Sendable {
    @Field(1) public var ruleID: String = ""
    @Field(2) public var requiredHours: Double = 0
    /// Passed hours that count (courses for the person's role, in the rule's window).
    @Field(3) public var attendedHours: Double = 0
    @Field(4, .omitDefault) public var met: Bool = false
    @Field(5) public var shortByHours: Double = 0
    /// The last day hours count for the rule.
    @Field(6) public var windowEndsOn: CivilDay?
    /// The rule in words, with its source.
    @Field(7) public var requirement: String = ""
}
