import AnlanRegions

/// Each region's share of the province's townships, counted once: a township's is 1 ÷ all; 龙港市,
/// which has no township tier, gets none — so children's targets always add up to their parent's.
struct TownshipShares: Sendable {
    private let townships: [String: Int]
    private let total: Double

    init(tree: RegionTree) {
        var townships: [String: Int] = [:]
        let all = tree.regions(at: .township)
        for township in all {
            townships[township.code, default: 0] += 1
            for ancestor in (try? tree.ancestors(of: township.code)) ?? [] { townships[ancestor.code, default: 0] += 1 }
        }
        self.townships = townships
        self.total = Double(all.count)
    }

    func share(of region: Region) -> Double {
        Double(townships[region.code] ?? 0) / total
    }
}
