import AnlanRecords
import AnlanWire

/// A region's landing-point figures for roll-up: only counts (and a target that adds up), so a
/// parent's statistics are exactly its parts' `merged`. Shares are shown from numerator and
/// denominator, never carried.
@WireMessage
public struct LandingStatistics: Hashable, Codable, Sendable {
    @Field(1) public var regionCode: String = ""
    @Field(2) public var asOf: CivilDay?
    /// Points per (kind, status), with how many pass every rule. Sorted, no empty cells.
    @Field(3) public var cells: [KindStatusCell] = []
    /// Townships with a usable point on this node within `withinKilometres` …
    @Field(4) public var townshipsCovered: Int64 = 0
    /// … of this many townships.
    @Field(5) public var townships: Int64 = 0
    @Field(6) public var withinKilometres: Double = 0
    /// The construction year counted, points built in it, and the target for it.
    @Field(7) public var year: UInt32 = 0
    @Field(8) public var built: Int64 = 0
    @Field(9) public var target: Double = 0

    public init(regionCode: String = "", asOf: CivilDay? = nil, cells: [KindStatusCell] = [], townshipsCovered: Int64 = 0,
                townships: Int64 = 0, withinKilometres: Double = 0, year: UInt32 = 0, built: Int64 = 0, target: Double = 0) {
        self.regionCode = regionCode
        self.asOf = asOf
        self.cells = cells
        self.townshipsCovered = townshipsCovered
        self.townships = townships
        self.withinKilometres = withinKilometres
        self.year = year
        self.built = built
        self.target = target
        normalise()
    }

    /// Cells and lines arrive in any order from a peer: summed and sorted like local ones.
    mutating func wireDidDecode() { normalise() }

    /// All points, and those passing every rule.
    public var points: Int64 { cells.reduce(into: 0) { $0.addSaturating($1.points) } }
    public var compliantPoints: Int64 { cells.reduce(into: 0) { $0.addSaturating($1.compliant) } }

    /// Adds `other`'s counts to these (region, day, distance and year stay this one's; merge figures
    /// of the same distance and year).
    public mutating func merge(_ other: LandingStatistics) {
        merge(contentsOf: CollectionOfOne(other))
    }

    /// Adds every part's counts to these, summing cells once at the end.
    public mutating func merge(contentsOf parts: some Sequence<LandingStatistics>) {
        for part in parts {
            cells += part.cells
            townshipsCovered.addSaturating(part.townshipsCovered)
            townships.addSaturating(part.townships)
            built.addSaturating(part.built)
            target += part.target
        }
        normalise()
    }

    /// The statistics of `parts` together, labelled with `regionCode`.
    public static func merged(_ parts: some Sequence<LandingStatistics>, regionCode: String, asOf: CivilDay?,
                              withinKilometres: Double, year: UInt32) -> LandingStatistics {
        var total = LandingStatistics(regionCode: regionCode, asOf: asOf, withinKilometres: withinKilometres, year: year)
        total.merge(contentsOf: parts)
        return total
    }

    /// Sums cells with the same key, drops empty ones and sorts, so equal figures compare equal.
    private mutating func normalise() {
        var byKey: [Int: KindStatusCell] = [:]
        for cell in cells {
            let key = Int(cell.kind.rawValue) * 16 + Int(cell.status.rawValue)
            var sum = byKey[key] ?? KindStatusCell(kind: cell.kind, status: cell.status)
            sum.points.addSaturating(cell.points)
            sum.compliant.addSaturating(cell.compliant)
            byKey[key] = sum
        }
        cells = byKey.sorted { $0.key < $1.key }.map(\.value).filter { $0.points != 0 }
    }
}
