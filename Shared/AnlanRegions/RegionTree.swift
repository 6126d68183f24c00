/// The region tree of Zhejiang's four tiers of government (省市县乡): province → cities → counties → townships.
///
/// Every region code that enters the system is checked and normalised here. The tree is immutable
/// once loaded and safe to share between tasks; every lookup by code is a dictionary hit, and
/// children lists are precomputed. Use `RegionTree.zhejiang` for the shipped data.
///
/// Methods that take a code accept any form `canonicalCode(_:)` accepts (e.g. a 9-digit township
/// code) and throw `RegionError` (`.malformedCode` or `.unknownCode`) for anything else.
public final class RegionTree: Sendable {
    /// The header line `init(csv:)` requires, exactly.
    public static let csvHeader = "code,name,tier,parent_code,lat,lon"

    /// All regions in file order (a parent precedes its children in the shipped data).
    private let ordered: [Region]
    private let indexByCode: [String: Int]
    /// Index of each region's parent in `ordered`; -1 for the root.
    private let parentIndices: [Int]
    /// Indices of each region's children, in file order.
    private let childIndices: [[Int]]
    /// Each region's children, in file order (the same as `childIndices`, materialised).
    private let childLists: [[Region]]
    /// Regions of each tier in file order, indexed by `Tier.rawValue - 1`.
    private let tierLists: [[Region]]
    private let rootIndex: Int

    /// Parses and validates region data in the format of the shipped `zhejiang-divisions.csv`.
    ///
    /// The text is UTF-8 CSV with `\n` (or `\r\n`) line ends, the header `code,name,tier,parent_code,lat,lon`,
    /// and no quoted fields. Checked: the header; six fields per line; tier names; codes (6 digits,
    /// 12 for townships ending in `000`, each starting with its parent's prefix); exactly one province;
    /// every other row's parent exists and is exactly one tier up; unique codes; lat/lon both present
    /// or both empty, numeric and in range; province, city and county rows have a point (so that
    /// `location(of:)` always has an answer).
    ///
    /// - Throws: `RegionError` with code `.malformedData`, its message and `line` naming the 1-based line.
    public init(csv: String) throws {
        let rows = try Self.parseRows(csv)

        var indexByCode: [String: Int] = [:]
        indexByCode.reserveCapacity(rows.count)
        var rootIndex: Int?
        for (i, row) in rows.enumerated() {
            if let first = indexByCode[row.region.code] {
                throw RegionError.data(
                    line: row.line, "duplicate code \(row.region.code) (first on line \(rows[first].line))")
            }
            indexByCode[row.region.code] = i
            if row.region.tier == .province {
                if let rootIndex {
                    throw RegionError.data(
                        line: row.line,
                        "second province row \(row.region.code); the tree has one root (\(rows[rootIndex].region.code) on line \(rows[rootIndex].line))")
                }
                rootIndex = i
            }
        }
        guard let rootIndex else {
            throw RegionError(.malformedData, "region data has no province row (the root of the tree)")
        }

        var parentIndices = [Int](repeating: -1, count: rows.count)
        var childIndices = [[Int]](repeating: [], count: rows.count)
        var tierIndices = [[Int]](repeating: [], count: Tier.allCases.count)
        for (i, row) in rows.enumerated() {
            let region = row.region
            tierIndices[Int(region.tier.rawValue) - 1].append(i)
            guard let parentCode = region.parentCode, let expectedTier = region.tier.parent else { continue }
            guard let p = indexByCode[parentCode] else {
                throw RegionError.data(line: row.line, "parent \(parentCode) of \(region.code) does not exist")
            }
            let parent = rows[p].region
            guard parent.tier == expectedTier else {
                throw RegionError.data(
                    line: row.line,
                    "parent \(parentCode) of \(region.code) is a \(parent.tier.name), expected a \(expectedTier.name)")
            }
            let prefixLength = parent.tier == .province ? 2 : parent.tier == .city ? 4 : 6
            guard region.code.utf8.prefix(prefixLength).elementsEqual(parentCode.utf8.prefix(prefixLength)) else {
                throw RegionError.data(
                    line: row.line,
                    "code \(region.code) does not start with the first \(prefixLength) digits of its parent \(parentCode)")
            }
            parentIndices[i] = p
            childIndices[p].append(i)
        }

        let ordered = rows.map(\.region)
        self.ordered = ordered
        self.indexByCode = indexByCode
        self.parentIndices = parentIndices
        self.childIndices = childIndices
        self.childLists = childIndices.map { $0.map { ordered[$0] } }
        self.tierLists = tierIndices.map { $0.map { ordered[$0] } }
        self.rootIndex = rootIndex
    }

    // MARK: Whole tree

    /// The province (浙江省, `330000`), the root of the tree.
    public var root: Region { ordered[rootIndex] }

    /// The number of regions in the tree, all tiers.
    public var count: Int { ordered.count }

    /// Every region, in file order: the province, then each city, each of its counties, and that county's townships.
    public var allRegions: [Region] { ordered }

    /// The regions of one tier, in file order.
    public func regions(at tier: Tier) -> [Region] {
        tierLists[Int(tier.rawValue) - 1]
    }

    // MARK: Codes

    /// The region with this code.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func region(_ code: String) throws -> Region {
        ordered[try index(of: code)]
    }

    /// Whether `code`, in any form `canonicalCode(_:)` accepts, names a region in the tree.
    public func contains(_ code: String) -> Bool {
        (try? index(of: code)) != nil
    }

    /// The canonical form of a region code: 6 digits for province, city and county, 12 for a township.
    ///
    /// Accepted besides canonical codes: a 9-digit township code (`330106002` → `330106002000`), and the
    /// 12-digit form of a province, city or county code padded with zeros (`330100000000` → `330100`).
    ///
    /// - Throws: `RegionError` `.malformedCode` (not 6, 9 or 12 ASCII digits) or `.unknownCode`.
    public func canonicalCode(_ code: String) throws -> String {
        ordered[try index(of: code)].code
    }

    // MARK: Relations

    /// The region one tier up, or nil for the province.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func parent(of code: String) throws -> Region? {
        let p = parentIndices[try index(of: code)]
        return p < 0 ? nil : ordered[p]
    }

    /// The regions directly below, in file order; empty for a township and for 龙港市 (330383),
    /// which has no township tier.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func children(of code: String) throws -> [Region] {
        childLists[try index(of: code)]
    }

    /// The regions above, nearest first, ending with the province: a township's are [county, city, province];
    /// the province's is empty.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func ancestors(of code: String) throws -> [Region] {
        var result: [Region] = []
        var p = parentIndices[try index(of: code)]
        while p >= 0 {
            result.append(ordered[p])
            p = parentIndices[p]
        }
        return result
    }

    /// Whether `code` lies in the subtree rooted at `ancestor` (a region is in its own subtree).
    ///
    /// False, rather than an error, when either code is malformed or unknown: no region is in it.
    public func isInSubtree(_ code: String, of ancestor: String) -> Bool {
        guard let target = try? index(of: ancestor), var current = try? index(of: code) else { return false }
        while current >= 0 {
            if current == target { return true }
            current = parentIndices[current]
        }
        return false
    }

    /// Every region below, depth first in file order (each child followed by its own descendants);
    /// the region itself is not included.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func descendants(of code: String) throws -> [Region] {
        var result: [Region] = []
        func visit(_ i: Int) {
            for c in childIndices[i] {
                result.append(ordered[c])
                visit(c)
            }
        }
        visit(try index(of: code))
        return result
    }

    /// The bottom of a region's subtree: its townships, and any county without townships (龙港市
    /// governs its communities directly) standing for its own. A township's is itself.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func leaves(under code: String) throws -> [Region] {
        let region = try self.region(code)
        return try isLeaf(region.code) ? [region] : descendants(of: region.code).filter { try isLeaf($0.code) }
    }

    /// Whether a region has nothing below it: a township, or a county without townships — where
    /// records that belong to a township are kept.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func isLeaf(_ code: String) throws -> Bool {
        childLists[try index(of: code)].isEmpty
    }

    /// The county-level unit (县级) a region belongs to: a township's parent, a county itself;
    /// nil for a city or the province.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func county(of code: String) throws -> Region? {
        let i = try index(of: code)
        switch ordered[i].tier {
        case .county: return ordered[i]
        case .township: return ordered[parentIndices[i]]
        case .province, .city: return nil
        }
    }

    /// A point for the region, never missing.
    ///
    /// Province, city and county: their own point, not approximate. A township with its own point:
    /// that point (`.own`) marked approximate, since it is a bounding-box centre. A township without:
    /// its county's point (`.countySeat`), approximate.
    ///
    /// - Throws: `RegionError` `.malformedCode` or `.unknownCode`.
    public func location(of code: String) throws -> RegionLocation {
        let i = try index(of: code)
        let region = ordered[i]
        if let own = region.coordinate {
            return RegionLocation(coordinate: own, isApproximate: region.tier == .township, source: .own)
        }
        // `init(csv:)` guarantees every non-township row has a point, so a township's county has one.
        guard let countyPoint = ordered[parentIndices[i]].coordinate else {
            preconditionFailure("RegionTree invariant broken: county \(ordered[parentIndices[i]].code) has no point")
        }
        return RegionLocation(coordinate: countyPoint, isApproximate: true, source: .countySeat)
    }

    // MARK: Internals

    /// Resolves any accepted form of a code to its index in `ordered`.
    private func index(of code: String) throws -> Int {
        if let i = indexByCode[code] { return i }
        let utf8 = code.utf8
        guard !utf8.isEmpty, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw RegionError.malformed(code, "only ASCII digits are allowed")
        }
        switch utf8.count {
        case 6:
            break
        case 9:
            if let i = indexByCode[code + "000"], ordered[i].tier == .township { return i }
        case 12:
            if code.hasSuffix("000000"), let i = indexByCode[String(code.prefix(6))], ordered[i].tier != .township {
                return i
            }
        default:
            throw RegionError.malformed(code, "expected 6, 9 or 12 digits, got \(utf8.count)")
        }
        throw RegionError.unknown(code)
    }

    private struct Row {
        var region: Region
        var line: Int
    }

    /// Splits the CSV into validated rows (everything that can be checked line by line).
    private static func parseRows(_ csv: String) throws -> [Row] {
        let bytes = Array(csv.utf8)
        var position = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // UTF-8 byte order mark
        var lineNumber = 0
        var rows: [Row] = []
        rows.reserveCapacity(bytes.count / 48)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)

        while position < bytes.count {
            lineNumber += 1
            var end = position
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var lineEnd = end
            if lineEnd > position && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let lineStart = position
            position = end + 1

            if lineNumber == 1 {
                guard bytes[lineStart..<lineEnd].elementsEqual(csvHeader.utf8) else {
                    throw RegionError.data(
                        line: 1,
                        "expected the header \"\(csvHeader)\", found \"\(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))\"")
                }
                continue
            }
            if lineStart == lineEnd {
                throw RegionError.data(line: lineNumber, "empty line")
            }

            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for j in lineStart..<lineEnd {
                switch bytes[j] {
                case UInt8(ascii: ","):
                    fields.append(fieldStart..<j)
                    fieldStart = j + 1
                case UInt8(ascii: "\""):
                    throw RegionError.data(line: lineNumber, "quoted fields are not supported (found '\"')")
                default:
                    break
                }
            }
            fields.append(fieldStart..<lineEnd)
            guard fields.count == 6 else {
                throw RegionError.data(line: lineNumber, "expected 6 fields (\(csvHeader)), found \(fields.count)")
            }
            rows.append(Row(region: try parseRegion(bytes, fields, line: lineNumber), line: lineNumber))
        }
        if lineNumber == 0 {
            throw RegionError(.malformedData, "region data is empty (no header line)")
        }
        return rows
    }

    /// Builds and checks one region from the six fields of a data line.
    private static func parseRegion(_ bytes: [UInt8], _ fields: [Range<Int>], line: Int) throws -> Region {
        func text(_ k: Int) -> String { String(decoding: bytes[fields[k]], as: UTF8.self) }

        let code = text(0)
        let name = text(1)
        let tierName = text(2)
        guard let tier = Tier(name: tierName) else {
            throw RegionError.data(
                line: line, "unknown tier \"\(tierName)\" (expected province, city, county or township)")
        }

        let digits = bytes[fields[0]]
        guard digits.count == tier.codeLength,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw RegionError.data(
                line: line, "code \"\(code)\" of a \(tier.name) must be \(tier.codeLength) ASCII digits")
        }
        let shapeIsValid = switch tier {
        case .province: code.hasSuffix("0000")
        case .city: code.hasSuffix("00") && !code.hasSuffix("0000")
        case .county: !code.hasSuffix("00")
        case .township: code.hasSuffix("000") && !code.dropLast(3).hasSuffix("000")
        }
        guard shapeIsValid else {
            throw RegionError.data(line: line, "code \(code) does not have the digit pattern of a \(tier.name)")
        }
        guard !name.isEmpty else {
            throw RegionError.data(line: line, "region \(code) has an empty name")
        }

        let parentCode: String? = fields[3].isEmpty ? nil : text(3)
        switch (tier, parentCode) {
        case (.province, nil), (.city, _?), (.county, _?), (.township, _?):
            break
        case (.province, let parent?):
            throw RegionError.data(line: line, "province \(code) cannot have a parent (found \(parent))")
        default:
            throw RegionError.data(line: line, "\(tier.name) \(code) has no parent_code")
        }

        let coordinate: GeoCoordinate?
        switch (fields[4].isEmpty, fields[5].isEmpty) {
        case (true, true):
            coordinate = nil
        case (false, false):
            let latText = text(4)
            let lonText = text(5)
            guard let latitude = Double(latText), let longitude = Double(lonText) else {
                throw RegionError.data(line: line, "lat/lon \"\(latText)\",\"\(lonText)\" of \(code) are not numbers")
            }
            do {
                coordinate = try GeoCoordinate(latitude: latitude, longitude: longitude)
            } catch let error as RegionError {
                throw RegionError.data(line: line, "\(code): \(error.message)")
            }
        default:
            throw RegionError.data(line: line, "\(code) has only one of lat and lon; give both or neither")
        }
        if coordinate == nil && tier != .township {
            throw RegionError.data(line: line, "\(tier.name) \(code) needs lat/lon (only townships may lack a point)")
        }

        return Region(code: code, name: name, tier: tier, parentCode: parentCode, coordinate: coordinate)
    }
}
