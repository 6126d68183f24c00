import AnlanRecords
import AnlanWire

/// How many people a training rule applies to in a year, and how many meet it.
@WireMessage
public struct RuleCount: Hashable, Codable, Sendable {
    @Field(1) public var ruleID: String = ""
    /// People the rule binds in the year.
    @Field(2) public var applicable: Int64 = 0
    @Field(3) public var met: Int64 = 0
}
