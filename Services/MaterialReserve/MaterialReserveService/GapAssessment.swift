import AnlanRegions
import MaterialReserveAPI

/// The reserve norms of every region in a subtree against what that region's own tier holds, summed
/// up the tree. Pure: the caller reads norms, profiles and holdings from the database.
///
/// A region's risk level is its profile's, else its nearest ancestor's, else medium. A norm counted
/// per responsible person or per disaster-prone village multiplies by the sum of those counts over the
/// region's subtree (they are usually recorded per township).
struct GapAssessment {
    /// Each region's own lines, by item (only items it has a norm for).
    private(set) var own: [String: [String: GapLine]] = [:]
    /// Each region's own lines summed over its subtree, by item.
    private(set) var subtree: [String: [String: GapLine]] = [:]
    private(set) var riskLevels: [String: RiskLevel] = [:]
    private(set) var assessedRegions: [String: Int64] = [:]
    private(set) var shortRegions: [String: Int64] = [:]
    private var normLines: [String: Int64] = [:]
    private var shortLines: [String: Int64] = [:]

    /// - Parameters:
    ///   - regions: the subtree's root first, then every region below it, parents before children.
    ///   - inheritedRisk: the risk level the root inherits when its own profile sets none.
    ///   - holdings: usable units per owning region and item.
    init(regions: [Region], inheritedRisk: RiskLevel, norms: [ReserveNorm], profiles: [String: RegionProfile],
         holdings: [String: [String: Int64]]) {
        var normsByKey: [Int: [ReserveNorm]] = [:]
        for norm in norms { normsByKey[Int(norm.tier) * 8 + Int(norm.riskLevel.rawValue), default: []].append(norm) }

        // Risk levels top down; the counts norms multiply by, bottom up.
        for region in regions {
            riskLevels[region.code] = profiles[region.code]?.riskLevel
                ?? region.parentCode.flatMap { riskLevels[$0] } ?? inheritedRisk
        }
        var persons: [String: Int64] = [:]
        var villages: [String: Int64] = [:]
        for region in regions.reversed() {
            persons[region.code, default: 0] += profiles[region.code]?.responsiblePersons ?? 0
            villages[region.code, default: 0] += profiles[region.code]?.disasterProneVillages ?? 0
            if let parent = region.parentCode, region.code != regions.first?.code {
                persons[parent, default: 0] += persons[region.code]!
                villages[parent, default: 0] += villages[region.code]!
            }
        }

        for region in regions {
            var lines: [String: GapLine] = [:]
            for norm in normsByKey[Int(region.tier.rawValue) * 8 + Int(riskLevels[region.code]!.rawValue)] ?? [] {
                let count: Int64 = switch norm.basis {
                case .perRegion: 1
                case .perResponsiblePerson: persons[region.code]!
                case .perDisasterProneVillage: villages[region.code]!
                }
                guard count > 0 else { continue }
                lines[norm.itemCode, default: GapLine(itemCode: norm.itemCode)].required += norm.quantity * count
            }
            for (item, line) in lines {
                let held = holdings[region.code]?[item] ?? 0
                lines[item] = GapLine(itemCode: item, required: line.required, held: held, shortfall: max(0, line.required - held))
            }
            own[region.code] = lines
        }
        for region in regions.reversed() {
            let lines = own[region.code]!
            subtree[region.code, default: [:]].merge(lines) { var sum = $0; sum.add($1); return sum }
            assessedRegions[region.code, default: 0] += lines.isEmpty ? 0 : 1
            shortRegions[region.code, default: 0] += lines.values.contains { $0.shortfall > 0 } ? 1 : 0
            normLines[region.code, default: 0] += Int64(lines.count)
            shortLines[region.code, default: 0] += Int64(lines.values.filter { $0.shortfall > 0 }.count)
            if let parent = region.parentCode, region.code != regions.first?.code {
                subtree[parent, default: [:]].merge(subtree[region.code]!) { var sum = $0; sum.add($1); return sum }
                assessedRegions[parent, default: 0] += assessedRegions[region.code]!
                shortRegions[parent, default: 0] += shortRegions[region.code]!
                normLines[parent, default: 0] += normLines[region.code]!
                shortLines[parent, default: 0] += shortLines[region.code]!
            }
        }
    }

    /// `code`'s figures as sent: lines sorted by item.
    func gap(of code: String) -> RegionGap {
        RegionGap(regionCode: code, riskLevel: riskLevels[code] ?? .medium,
                  own: (own[code] ?? [:]).values.sorted { $0.itemCode < $1.itemCode },
                  subtree: (subtree[code] ?? [:]).values.sorted { $0.itemCode < $1.itemCode },
                  assessedRegions: assessedRegions[code] ?? 0, shortRegions: shortRegions[code] ?? 0)
    }

    /// (region, item) lines with a norm in `code`'s subtree, and how many of them are short.
    func lineCounts(of code: String) -> (lines: Int64, short: Int64) {
        (normLines[code] ?? 0, shortLines[code] ?? 0)
    }
}
