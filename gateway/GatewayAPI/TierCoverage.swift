import AnlanWire

/// Of the nodes expected at one tier below the answering node, how many reported fresh figures.
@WireMessage
public struct TierCoverage: Hashable, Codable, Sendable {
    /// 2 city, 3 county, 4 township.
    @Field(1) public var tier: UInt8 = 0
    @Field(2) public var reporting: Int64 = 0
    @Field(3) public var expected: Int64 = 0

    /// Adds `other`'s tiers to `tiers`, keeping one entry per tier, in tier order.
    public static func merge(_ other: [TierCoverage], into tiers: inout [TierCoverage]) {
        for entry in other {
            if let index = tiers.firstIndex(where: { $0.tier == entry.tier }) {
                tiers[index].reporting += entry.reporting
                tiers[index].expected += entry.expected
            } else {
                tiers.append(entry)
            }
        }
        tiers.sort { $0.tier < $1.tier }
    }
}

extension [TierCoverage] {
    /// "tier 2 11/11, tier 3 89/90, …": reporting / expected per tier, for people.
    public var text: String {
        map { "tier \($0.tier) \($0.reporting)/\($0.expected)" }.joined(separator: ", ")
    }
}
