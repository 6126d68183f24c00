import AnlanRecords
import AnlanRegions
import Foundation
import MaterialReserveAPI

/// Deterministic synthetic reserve data over the real region tree, for the local mesh's demo, tests
/// and benchmarks. It is *not* reserve data: no public register of storage points or stock exists to
/// ship. Each county (or the one region asked for) gets a risk level and its own store at its seat;
/// each township gets plausible flood-control figures and a store near its centre holding the
/// flood-season kit at 70–130 % of its norm, so the gap report has something to find.
public struct SyntheticReserve: Sendable {
    public let region: Region
    public let today: CivilDay
    /// Village stores (村级储备点) per township on average, for data at the province's scale: township
    /// `i` of the whole province gets ⌊(i+1)·r⌋ − ⌊i·r⌋ of them, so the province's total is the same
    /// however its counties are generated (1.6454 gives Zhejiang's 3,685 storage points in all).
    public let villageStoresPerTownship: Double
    /// Units each village store holds (life jackets, rain gear, helmets and flashlights).
    public let unitsPerVillageStore: Int
    private let tree: RegionTree
    private let townshipIndex: [String: Int]

    public init(tree: RegionTree = .zhejiang, regionCode: String, today: CivilDay, villageStoresPerTownship: Double = 0,
                unitsPerVillageStore: Int = 0) throws {
        self.tree = tree
        self.region = try tree.region(regionCode)
        self.today = today
        self.villageStoresPerTownship = max(0, villageStoresPerTownship)
        self.unitsPerVillageStore = max(0, unitsPerVillageStore)
        // Only village stores need it: the usual `generate` makes none.
        townshipIndex = villageStoresPerTownship > 0
            ? Dictionary(uniqueKeysWithValues: tree.regions(at: .township).enumerated().map { ($1.code, $0) }) : [:]
    }

    /// How many village stores township `code` gets.
    private func villageStores(_ code: String) -> Int {
        guard let index = townshipIndex[code] else { return 0 }
        return Int((Double(index + 1) * villageStoresPerTownship).rounded(.down)) - Int((Double(index) * villageStoresPerTownship).rounded(.down))
    }

    /// `profiles.csv`, `storage-points.csv` and `stock.csv`, in import order.
    public func files(seed: UInt64 = 1) throws -> [(kind: ReserveRecordKind, name: String, csv: String)] {
        var random = SplitMix64(seed: seed)
        var profiles = CSVWriter()
        profiles.write(MaterialReserve.profileColumns)
        var points = CSVWriter()
        points.write(MaterialReserve.pointColumns)
        var stock = CSVWriter()
        stock.write(MaterialReserve.stockColumns)
        let all = [region] + (try tree.descendants(of: region.code))
        for county in all where county.tier == .county {
            profiles.write([county.code, RiskLevel.allCases[Int(random.next() % 3)].name, "", ""])
            let seat = try tree.location(of: county.code).coordinate
            let id = "CS-\(county.code)"
            points.write([id, county.code, "\(county.name)应急物资储备库", coordinate(seat.latitude), coordinate(seat.longitude),
                          "200000", "\(county.name)应急管理局", "", "county"])
            for (item, quantity) in [("3010201", 40), ("2050101", 30), ("2040101", 20), ("2030101", 2000), ("2010301", 1500)] {
                stock.write([id, item, "good", "", String(quantity / 2 + Int(random.next() % UInt64(quantity)))])
            }
            // Life jackets with a shelf life, some of them close to it.
            stock.write([id, "2030101", "good", today.adding(days: 10 + Int(random.next() % 60)).description, String(100 + random.next() % 200)])
        }
        for township in all where township.tier == .township {
            let persons = 15 + Int(random.next() % 46)
            let villages = Int(random.next() % 9)
            profiles.write([township.code, "", String(persons), String(villages)])
            let centre = try tree.location(of: township.code).coordinate
            let id = "TS-\(township.code)"
            points.write([id, township.code, "\(township.name)防汛物资点", coordinate(centre.latitude + random.unit(-0.01, 0.01)),
                          coordinate(centre.longitude + random.unit(-0.01, 0.01)), "5000", "\(township.name)防汛责任人",
                          "1390000\(String(township.code.prefix(9).suffix(4)))", "township"])
            for (item, need) in [("2010101", persons), ("2010301", persons), ("2020101", persons), ("2030101", persons),
                                 ("2040101", villages), ("2050101", villages), ("3010201", villages)] where need > 0 {
                let held = need * (70 + Int(random.next() % 61)) / 100
                if held > 0 { stock.write([id, item, "good", "", String(held)]) }
            }
            for n in 0..<villageStores(township.code) {
                let village = "VS-\(township.code)-\(n + 1)"
                points.write([village, township.code, "\(township.name)第\(n + 1)村级储备点", coordinate(centre.latitude + random.unit(-0.03, 0.03)),
                              coordinate(centre.longitude + random.unit(-0.03, 0.03)), "500", "村委会", "", "township"])
                // Mostly life jackets and rain gear, some helmets and flashlights: 40/30/15/15 %.
                for (item, share) in [("2030101", 40), ("2010301", 30), ("2010101", 15), ("2020101", 15)] {
                    let units = unitsPerVillageStore * share / 100 * (80 + Int(random.next() % 41)) / 100
                    if units > 0 { stock.write([village, item, "good", "", String(units)]) }
                }
            }
        }
        return [(.regionProfiles, "profiles.csv", profiles.text), (.storagePoints, "storage-points.csv", points.text),
                (.stock, "stock.csv", stock.text)]
    }

    private func coordinate(_ degrees: Double) -> String { String(format: "%.6f", degrees) }
}
