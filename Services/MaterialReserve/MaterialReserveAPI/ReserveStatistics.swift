import AnlanRecords
import AnlanWire

/// A region's material-reserve figures for roll-up: only counts and sums, so a parent's statistics are
/// exactly its children's `merged` (and a share such as "lines short of norm" is shown from its
/// numerator and denominator, never carried as a rate).
public struct ReserveStatistics: WireMessage, Hashable, Codable {
    public var regionCode: String          // 1
    /// The day expiry was judged on.
    public var asOf: CivilDay?             // 2
    public var storagePoints: Int64        // 3
    /// Units per level-1 and level-2 category, sorted by code, no empty ones.
    public var categories: [CategoryTotal] // 4 (repeated)
    /// (region, item) lines with a reserve norm in the subtree …
    public var normLines: Int64            // 5
    /// … and how many of them hold less than the norm.
    public var shortLines: Int64           // 6
    /// Good units expiring within 30 days (today included).
    public var expiringUnits: Int64        // 7
    /// The stock lots (point × item × expiry day) they are in.
    public var expiringLots: Int64         // 8

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

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: asOf = try reader.readDay(field)
            case 3: storagePoints = try reader.readInt64(field)
            case 4: categories.append(try reader.readMessage(field))
            case 5: normLines = try reader.readInt64(field)
            case 6: shortLines = try reader.readInt64(field)
            case 7: expiringUnits = try reader.readInt64(field)
            case 8: expiringLots = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
        normalise()
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, day: asOf)
        writer.write(3, int: storagePoints)
        writer.write(4, messages: categories)
        writer.write(5, int: normLines)
        writer.write(6, int: shortLines)
        writer.write(7, int: expiringUnits)
        writer.write(8, int: expiringLots)
    }

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
