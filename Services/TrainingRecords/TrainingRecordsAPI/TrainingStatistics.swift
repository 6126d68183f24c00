import AnlanRecords
import AnlanWire

/// A region's training figures for roll-up: for each role (and level) the people trained and the
/// people in it, and for each rule the people it applies to and those meeting it — numerators and
/// denominators only, so a parent's rate is computed from summed counts, never averaged.
@WireMessage
public struct TrainingStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var asOf: CivilDay?
    @Field(3) public var year: UInt32 = 0
    /// By role, then level.
    @Field(4) public var coverage: [CoverageLine] = []
    /// By rule id.
    @Field(5) public var rules: [RuleCount] = []

    public init(regionCode: String = "", asOf: CivilDay? = nil, year: UInt32 = 0, coverage: [CoverageLine] = [], rules: [RuleCount] = []) {
        self.regionCode = regionCode
        self.asOf = asOf
        self.year = year
        self.coverage = coverage
        self.rules = rules
        normalise()
    }

    /// Cells and lines arrive in any order from a peer: summed and sorted like local ones.
    mutating func wireDidDecode() { normalise() }

    /// Adds `other`'s counts to these (same year; region and day stay this one's).
    public mutating func merge(_ other: TrainingStatistics) {
        merge(contentsOf: CollectionOfOne(other))
    }

    /// Adds every part's counts to these (same year), summing lines once at the end.
    public mutating func merge(contentsOf parts: some Sequence<TrainingStatistics>) {
        for part in parts {
            coverage += part.coverage
            rules += part.rules
        }
        normalise()
    }

    public static func merged(_ parts: some Sequence<TrainingStatistics>, regionCode: String, asOf: CivilDay?, year: UInt32) -> TrainingStatistics {
        var total = TrainingStatistics(regionCode: regionCode, asOf: asOf, year: year)
        total.merge(contentsOf: parts)
        return total
    }

    /// Sums lines with the same key, recomputes `met` from the sums, sorts.
    private mutating func normalise() {
        var lines: [Int: CoverageLine] = [:]
        for line in coverage {
            let key = Int(line.role.rawValue) * 2 + (line.village ? 1 : 0)
            var sum = lines[key] ?? CoverageLine(role: line.role, village: line.village, targetPercent: line.targetPercent, counts: line.counts)
            sum.trained.addSaturating(line.trained)
            sum.people.addSaturating(line.people)
            sum.met = Double(sum.trained) * 100 >= sum.targetPercent * Double(sum.people)
            lines[key] = sum
        }
        coverage = lines.sorted { $0.key < $1.key }.map(\.value)
        var counts: [String: RuleCount] = [:]
        for rule in rules {
            counts[rule.ruleID, default: RuleCount(ruleID: rule.ruleID)].applicable.addSaturating(rule.applicable)
            counts[rule.ruleID]!.met.addSaturating(rule.met)
        }
        self.rules = counts.values.sorted { $0.ruleID < $1.ruleID }
    }
}
