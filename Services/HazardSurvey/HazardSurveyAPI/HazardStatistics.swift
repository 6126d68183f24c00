import AnlanRecords
import AnlanWire

/// A region's hazard-survey figures for roll-up: only counts and sums, so that the statistics of a
/// parent are exactly the `merged` statistics of its own records and its children's subtrees.
/// Rates (e.g. closed on time / closed) are computed by whoever shows them, never carried.
@WireMessage
public struct HazardStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var asOf: CivilDay?
    /// Hazard points per (type, band), with the people they put at risk. Sorted, no empty cells.
    @Field(3) public var pointCells: [PointCell] = []
    /// Enterprises per (grade, sector). Sorted, no empty cells.
    @Field(4) public var enterpriseCells: [EnterpriseCell] = []
    @Field(5) public var hiddenHazards: HiddenHazardCounts = HiddenHazardCounts()
    /// The region's colour: the worst grade of its enterprises (derived from the cells; absent with none;
    /// sent for convenience, recomputed on decode).
    @Field(6) public var colour: RiskGrade? {
        enterpriseCells.filter { $0.enterprises > 0 }.map(\.grade).min()
    }

    public init(regionCode: String = "", asOf: CivilDay? = nil, pointCells: [PointCell] = [],
                enterpriseCells: [EnterpriseCell] = [], hiddenHazards: HiddenHazardCounts = HiddenHazardCounts()) {
        self.regionCode = regionCode
        self.asOf = asOf
        self.pointCells = pointCells
        self.enterpriseCells = enterpriseCells
        self.hiddenHazards = hiddenHazards
        normalise()
    }

    /// Cells arrive in any order from a peer: sorted and summed like local ones.
    mutating func wireDidDecode() { normalise() }

    // MARK: Merging

    /// Adds `other`'s counts to these (the region code and as-of day stay this one's).
    public mutating func merge(_ other: HazardStatistics) {
        merge(contentsOf: CollectionOfOne(other))
    }

    /// Adds every part's counts to these, summing cells once at the end (a gateway merges a child per
    /// township: one pass, not one per child).
    public mutating func merge(contentsOf parts: some Sequence<HazardStatistics>) {
        for part in parts {
            pointCells += part.pointCells
            enterpriseCells += part.enterpriseCells
            hiddenHazards.merge(part.hiddenHazards)
        }
        normalise()
    }

    /// The statistics of `parts` together, labelled with `regionCode`.
    public static func merged(_ parts: some Sequence<HazardStatistics>, regionCode: String, asOf: CivilDay?) -> HazardStatistics {
        var total = HazardStatistics(regionCode: regionCode, asOf: asOf)
        total.merge(contentsOf: parts)
        return total
    }

    /// Sums cells with the same key, drops empty ones and sorts, so equal figures compare equal.
    private mutating func normalise() {
        var points: [PointCell.Key: PointCell] = [:]
        for cell in pointCells { points[cell.key, default: PointCell(type: cell.type, band: cell.band)].add(cell) }
        pointCells = points.values.filter { $0.points != 0 }.sorted { $0.key < $1.key }
        var enterprises: [EnterpriseCell.Key: EnterpriseCell] = [:]
        for cell in enterpriseCells {
            enterprises[cell.key, default: EnterpriseCell(grade: cell.grade, sector: cell.sector)].add(cell)
        }
        enterpriseCells = enterprises.values.filter { $0.enterprises != 0 }.sorted { $0.key < $1.key }
    }

    // MARK: Totals

    public var hazardPoints: Int64 { pointCells.reduce(0) { $0 + $1.points } }
    public var populationAtRisk: Int64 { pointCells.reduce(0) { $0 + $1.populationAtRisk } }
    public var registeredForTransfer: Int64 { pointCells.reduce(0) { $0 + $1.registeredForTransfer } }
    public var enterprises: Int64 { enterpriseCells.reduce(0) { $0 + $1.enterprises } }
    public var majorHazardSources: Int64 { enterpriseCells.reduce(0) { $0 + $1.majorHazardSources } }

    public func points(of type: HazardType) -> Int64 { pointCells.filter { $0.type == type }.reduce(0) { $0 + $1.points } }
    public func points(inBand band: UInt8) -> Int64 { pointCells.filter { $0.band == band }.reduce(0) { $0 + $1.points } }
    public func enterprises(graded grade: RiskGrade) -> Int64 {
        enterpriseCells.filter { $0.grade == grade }.reduce(0) { $0 + $1.enterprises }
    }
    public func enterprises(in sector: IndustrySector) -> Int64 {
        enterpriseCells.filter { $0.sector == sector }.reduce(0) { $0 + $1.enterprises }
    }
}
