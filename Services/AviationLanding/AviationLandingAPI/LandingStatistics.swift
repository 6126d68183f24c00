import AnlanRecords
import AnlanWire

/// A region's landing-point figures for roll-up: only counts (and a target that adds up), so a
/// parent's statistics are exactly its parts' `merged`. Shares are shown from numerator and
/// denominator, never carried.
public struct LandingStatistics: WireMessage, Hashable, Codable {
    public var regionCode: String          // 1
    public var asOf: CivilDay?             // 2
    /// Points per (kind, status), with how many pass every rule. Sorted, no empty cells.
    public var cells: [KindStatusCell]     // 3 (repeated)
    /// Townships with a usable point on this node within `withinKilometres` …
    public var townshipsCovered: Int64     // 4
    /// … of this many townships.
    public var townships: Int64            // 5
    public var withinKilometres: Double    // 6
    /// The construction year counted, points built in it, and the target for it.
    public var year: UInt32                // 7
    public var built: Int64                // 8
    public var target: Double              // 9

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

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: asOf = try reader.readDay(field)
            case 3: cells.append(try reader.readMessage(field))
            case 4: townshipsCovered = try reader.readInt64(field)
            case 5: townships = try reader.readInt64(field)
            case 6: withinKilometres = try reader.readDouble(field)
            case 7: year = try reader.readUInt(field)
            case 8: built = try reader.readInt64(field)
            case 9: target = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
        normalise()
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, day: asOf)
        writer.write(3, messages: cells)
        writer.write(4, int: townshipsCovered)
        writer.write(5, int: townships)
        writer.write(6, double: withinKilometres)
        writer.write(7, uint: year)
        writer.write(8, int: built)
        writer.write(9, double: target)
    }

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
