import AnlanRecords
import AnlanWire

/// People of a role (and level) trained against the target: numerator, denominator and target, never
/// a bare rate.
@WireMessage
public struct CoverageLine: Hashable, Codable, Sendable {
    @Field(1) public var role: PersonRole = .employee
    /// The village-level line (information officers have their own target there).
    @Field(2, .omitDefault) public var village: Bool = false
    @Field(3) public var trained: Int64 = 0
    @Field(4) public var people: Int64 = 0
    @Field(5) public var targetPercent: Double = 0
    /// trained ≥ target × people (no people: met).
    @Field(6, .omitDefault) public var met: Bool = false
    /// What counts as trained for the role.
    @Field(7) public var counts: String = ""

    /// trained ÷ people, or nil with nobody to train.
    public var rate: Double? { people == 0 ? nil : Double(trained) / Double(people) }
}
