import AnlanWire

/// Of the nodes expected at one tier below the answering node, how many reported fresh figures.
public struct TierCoverage: WireMessage, Hashable, Codable {
    /// 2 city, 3 county, 4 township.
    public var tier: UInt8        // 1
    public var reporting: Int64   // 2
    public var expected: Int64    // 3

    public init(tier: UInt8, reporting: Int64 = 0, expected: Int64 = 0) {
        self.tier = tier
        self.reporting = reporting
        self.expected = expected
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(tier: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: tier = try reader.readUInt(field)
            case 2: reporting = try reader.readInt64(field)
            case 3: expected = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: tier)
        writer.write(2, int: reporting)
        writer.write(3, int: expected)
    }

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
