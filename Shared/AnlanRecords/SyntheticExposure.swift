import AnlanRegions

/// How generated demo data spreads risk over a region's townships: how many hazard points each
/// township gets, which ids they carry, and how many people are exposed at each point. One rule for
/// every generator whose records must agree — hazard-survey's points and their people registered for
/// transfer (转移人数), evacuation's coded people (人员赋码) — since services may not share libraries.
///
/// The layout is a function of the leaves and the number of points only (not of a generator's seed),
/// so files generated with different seeds still agree township by township:
///
/// - each leaf has a weight — 乡 1.6 (mountain townships), 镇 1.0, 街道 0.5 (urban), a county standing
///   for its own townships 1.0 — times a jitter of 0.6…1.4 from its code; the points are apportioned
///   by these weights (largest remainder), in leaf order, ids `HP-<n>` in one block per leaf;
/// - the people, `peoplePerPoint` × points rounded, are apportioned by the leaves' points over the
///   townships alone (a coded person lives in a township), and each person is put on one of the
///   township's points, drawn from a stream seeded by the township's code;
/// - what puts a point's people at risk follows the township: the coast and fishing vessels on the
///   coast; urban flooding and worksites in subdistricts (街道); landslides and flash floods elsewhere.
public struct SyntheticExposure: Sendable {
    /// 530,000 people coded in risk zones over about a million hazard points: the province's order.
    public static let peoplePerPoint = 0.53

    /// What puts the people at a point at risk: evacuation's risk-zone kind of its people, and the
    /// family of hazard-survey's types the point is drawn from.
    public enum Risk: Sendable, CaseIterable {
        case geological, flashFlood, urbanFlooding, coastal, worksite, fishingVessel
    }

    /// One leaf's share.
    public struct Township: Sendable {
        public let region: Region
        /// The number in the id of its first point (`HP-<firstPoint>`).
        public let firstPoint: Int
        /// People exposed at each of its points, in id order: their sum is `people`.
        public let exposed: [Int]
        /// On the coast (a coastal county's township on the sea side): typhoon, storm surge, fishing vessels.
        public let isCoastal: Bool
        /// What puts each point's people at risk, in id order.
        public let risks: [Risk]

        public var points: Int { exposed.count }
        public var people: Int { exposed.reduce(0, +) }
        /// The ids of its points.
        public var pointIDs: [String] { (firstPoint..<(firstPoint + points)).map(SyntheticExposure.pointID) }
        /// Which point each of its people is on, person by person (the k-th person on `pointIDs[result[k]]`).
        public var personPoints: [Int] {
            var stream = SyntheticExposure.stream(region.code, salt: 2)
            return (0..<people).map { _ in Int(stream.next() % UInt64(points)) }
        }
    }

    public let townships: [Township]

    public var points: Int { townships.reduce(0) { $0 + $1.points } }
    public var people: Int { townships.reduce(0) { $0 + $1.people } }

    /// `points` points over `leaves` (a region's `RegionTree.leaves(under:)`), numbered from `firstID`.
    public init(leaves: [Region], points: Int, firstID: Int = 1) {
        let pointCounts = Self.apportion(max(0, points), weights: leaves.map(Self.weight(of:)))
        let peopleTotal = Int((Double(max(0, points)) * Self.peoplePerPoint).rounded())
        let peopleCounts = Self.apportion(peopleTotal, weights: zip(leaves, pointCounts).map { $0.tier == .township ? Double($1) : 0 })
        var next = firstID
        var townships: [Township] = []
        for (k, leaf) in leaves.enumerated() {
            var exposed = [Int](repeating: 0, count: pointCounts[k])
            var stream = Self.stream(leaf.code, salt: 2)
            for _ in 0..<peopleCounts[k] { exposed[Int(stream.next() % UInt64(pointCounts[k]))] += 1 }
            let coastal = Self.isCoastal(leaf)
            let urban = leaf.name.hasSuffix("街道")
            var risks = Self.stream(leaf.code, salt: 4)
            townships.append(Township(region: leaf, firstPoint: next, exposed: exposed, isCoastal: coastal,
                                      risks: exposed.map { _ in Self.risk(coastal: coastal, urban: urban, &risks) }))
            next += pointCounts[k]
        }
        self.townships = townships
    }

    /// The id of hazard point number `n`.
    public static func pointID(_ n: Int) -> String { "HP-\(n)" }

    /// A leaf's weight: more hazard points in rural and mountain townships than in urban subdistricts.
    public static func weight(of leaf: Region) -> Double {
        var stream = stream(leaf.code, salt: 1)
        let base: Double = leaf.tier != .township ? 1.0 : leaf.name.hasSuffix("街道") ? 0.5 : leaf.name.hasSuffix("乡") ? 1.6 : 1.0
        return base * stream.unit(0.6, 1.4)
    }

    private static func risk(coastal: Bool, urban: Bool, _ stream: inout SplitMix64) -> Risk {
        let draw = stream.next() % 100
        switch (coastal, urban) {
        case (true, _): return draw < 60 ? .coastal : draw < 90 ? .fishingVessel : urban ? .urbanFlooding : .geological
        case (false, true): return draw < 55 ? .urbanFlooding : draw < 80 ? .worksite : .geological
        case (false, false): return draw < 50 ? .geological : draw < 85 ? .flashFlood : draw < 95 ? .worksite : .urbanFlooding
        }
    }

    /// Counties on the sea or the Qiantang estuary (宁波、温州、舟山、台州 and the shores of 杭州湾).
    public static let coastalCounties: Set<String> = [
        "330114", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282",
        "330303", "330305", "330326", "330327", "330381", "330382", "330383", "330424", "330481", "330482", "330604",
        "330902", "330903", "330921", "330922", "331002", "331004", "331022", "331081", "331082", "331083",
    ]

    /// A leaf on the coast: every leaf of 舟山's island counties and 洞头, half of the others' (by code).
    public static func isCoastal(_ leaf: Region) -> Bool {
        let county = String(leaf.code.prefix(6))
        guard coastalCounties.contains(county) else { return false }
        if county.hasPrefix("3309") || county == "330305" || leaf.tier != .township { return true }
        var stream = stream(leaf.code, salt: 3)
        return stream.next() % 2 == 0
    }

    /// `total` split in proportion to `weights` (largest remainder; ties to the earlier): sums to
    /// `total` unless every weight is zero.
    public static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return [Int](repeating: 0, count: weights.count) }
        let quotas = weights.map { Double(total) * $0 / sum }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let order = quotas.indices.sorted { a, b in
            let (ra, rb) = (quotas[a] - Double(counts[a]), quotas[b] - Double(counts[b]))
            return ra != rb ? ra > rb : a < b
        }
        var left = total - counts.reduce(0, +)
        for i in order where left > 0 && weights[i] > 0 {
            counts[i] += 1
            left -= 1
        }
        return counts
    }

    /// A stream of numbers that depends on a region's code only (FNV-1a of the code, and a salt).
    public static func stream(_ code: String, salt: UInt64) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in code.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01B3
        }
        return SplitMix64(seed: hash ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    }
}
