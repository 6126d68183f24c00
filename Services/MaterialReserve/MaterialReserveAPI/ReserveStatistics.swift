import AnlanRecords
import AnlanWire

/// A region's material-reserve figures for roll-up: only counts and sums, so a parent's statistics are
/// exactly its children's `merged` (and a share such as "lines short of norm" is shown from its
/// numerator and denominator, never carried as a rate).
@WireMessage
public struct ReserveStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    /// The day expiry was judged on.
    @Field(2) public var asOf: CivilDay?
    @Field(3) public var storagePoints: Int64 = 0
    /// Units per level-1 and level-2 category, sorted by code, no empty ones.
    @Field(4) public var categories: [CategoryTotal] = []
    /// (region, item) lines with a reserve norm in the subtree …
    @Field(5) public var normLines: Int64 = 0
    /// … and how many of them hold less than the norm.
    @Field(6) public var shortLines: Int64 = 0
    /// Good units expiring within 30 days (today included).
    @Field(7) public var expiringUnits: Int64 = 0
    /// The stock lots (point × item × expiry day) they are in.
    @Field(8) public var expiringLots: Int64 = 0

    public init(regionCode: String = "", asOf: CivilDay? = nil, storagePoints: Int64 = 0, categories: [CategoryTotal] = [],
                normLines: Int64 = 0, shortLines: Int64 = 0, expiringUnits: Int64 = 0, expiringLots: Int64 = 0) {
        self.regionCode = regionCode
        self.asOf = asOf
        self.storagePoints = storagePoints
        self.categories = categories
        self.normLines = normLines
        self.shortLines = shortLines
        self.expiringUnits = expiringUnits
        self.expiringLots = expiringLots
        normalise()
    }

    /// Cells and lines arrive in any order from a peer: summed and sorted like local ones.
    mutating func wireDidDecode() { normalise() }

    /// Adds `other`'s counts to these (the region code and as-of day stay this one's).
    public mutating func merge(_ other: ReserveStatistics) {
        merge(contentsOf: CollectionOfOne(other))
    }

    /// Adds every part's counts to these, summing categories once at the end.
    public mutating func merge(contentsOf parts: some Sequence<ReserveStatistics>) {
        for part in parts {
            storagePoints.addSaturating(part.storagePoints)
            categories += part.categories
            normLines.addSaturating(part.normLines)
            shortLines.addSaturating(part.shortLines)
            expiringUnits.addSaturating(part.expiringUnits)
            expiringLots.addSaturating(part.expiringLots)
        }
        normalise()
    }

    /// The statistics of `parts` together, labelled with `regionCode`.
    public static func merged(_ parts: some Sequence<ReserveStatistics>, regionCode: String, asOf: CivilDay?) -> ReserveStatistics {
        var total = ReserveStatistics(regionCode: regionCode, asOf: asOf)
        total.merge(contentsOf: parts)
        return total
    }

    /// Sums categories with the same code, drops empty ones and sorts, so equal figures compare equal.
    private mutating func normalise() {
        var byCode: [String: CategoryTotal] = [:]
        for category in categories { byCode[category.code, default: CategoryTotal(code: category.code)].add(category) }
        categories = byCode.values.filter { $0.good != 0 || $0.damaged != 0 || $0.expired != 0 }.sorted { $0.code < $1.code }
    }
}
