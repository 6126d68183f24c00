import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI

/// Deterministic synthetic rescue teams over the real region tree, for the local mesh's demo, tests
/// and benchmarks. It is *not* a register. Each node gets the teams it commands, and all the nodes of
/// the province together hold Zhejiang's 581 teams — 132 fire-rescue, 188 professional, 248 social
/// and 13 aviation — by this rule:
///
/// - the province (330000): 13 aviation teams (the first 5 fly light helicopters, the next 6 medium,
///   the last 2 heavy), team i based at the seat of the (i mod 11)-th city by code; and 22 provincial
///   professional teams (chemicals, power and communications, mines and tunnels, water, medical…) near
///   杭州市's seat;
/// - each of the 11 cities: 1 fire-rescue team (支队) and 4 professional teams near its seat;
/// - each of the 90 counties, the i-th by code (from 0): 1 + (i < 31 ? 1 : 0) fire-rescue,
///   1 + (i < 32 ? 1 : 0) professional and 2 + (i < 68 ? 1 : 0) social teams, within 0.05° of its
///   seat, each based in the county or one of its townships;
/// - townships command none.
///
/// So fire-rescue 11 + 90 + 31 = 132, professional 22 + 44 + 90 + 32 = 188, social 180 + 68 = 248.
/// Headcounts: fire-rescue 30–80, professional 20–60, social 10–40, aviation 8–20. Equipment follows
/// the specialties (water: assault boats, rubber boats, pumps; collapse: life detectors, breaking
/// tools; power: generators, lighting towers; medical: ambulances); every team has satellite phones,
/// most have drones, aviation teams 1–3 helicopters. Every team is on standby.
public struct SyntheticTeams: Sendable {
    public let region: Region
    private let tree: RegionTree

    public init(tree: RegionTree = .zhejiang, regionCode: String) throws {
        self.tree = tree
        self.region = try tree.region(regionCode)
    }

    /// The teams the region's node commands; the same seed gives the same teams.
    public func teams(seed: UInt64 = 1) -> [RescueTeam] {
        var random = SyntheticExposure.stream(region.code, salt: 3000 &+ seed)
        switch region.tier {
        case .province: return provinceTeams(&random)
        case .city: return cityTeams(&random)
        case .county: return countyTeams(&random)
        case .township: return []
        }
    }

    /// Teams as CSV (`emergency-response import --kind teams`).
    public static func csv(_ teams: [RescueTeam]) -> String {
        var writer = CSVWriter()
        writer.write(EmergencyCSVFormat.teamColumns)
        for team in teams { writer.write(EmergencyCSVFormat.row(team)) }
        return writer.text
    }

    // MARK: Tiers

    private func provinceTeams(_ random: inout SplitMix64) -> [RescueTeam] {
        let cities = tree.regions(at: .city).sorted { $0.code < $1.code }
        var teams: [RescueTeam] = []
        let aviationSpecialties: [Specialty] = [.floodWater, .forestFire, .medical, .mountainCollapse]
        for i in 0..<13 {
            let city = cities[i % cities.count]
            let first = Int.random(in: 0..<aviationSpecialties.count, using: &random)
            let second = (first + Int.random(in: 1..<aviationSpecialties.count, using: &random)) % aviationSpecialties.count
            var team = make(id: "\(region.code)-AV-\(i + 1)", name: "浙江省航空救援队第\(i + 1)分队", kind: .aviation,
                            specialties: [aviationSpecialties[first], aviationSpecialties[second]], near: city, spread: 0.02,
                            in: city.code, &random)
            team.helicopterClass = i < 5 ? .light : i < 11 ? .medium : .heavy
            teams.append(team)
        }
        let hangzhou = cities.first { $0.code == "330100" } ?? cities[0]
        for i in 0..<22 {
            let template = Self.provincial[i % Self.provincial.count]
            teams.append(make(id: "\(region.code)-PR-\(i + 1)", name: "浙江省\(template.name)第\(i / Self.provincial.count + 1)分队",
                              kind: .professional, specialties: template.specialties, near: hangzhou, spread: 0.05, in: hangzhou.code,
                              &random))
        }
        return teams
    }

    private func cityTeams(_ random: inout SplitMix64) -> [RescueTeam] {
        var teams = [make(id: "\(region.code)-FR-1", name: "\(region.name)消防救援支队", kind: .fireRescue,
                          specialties: [.floodWater, .mountainCollapse, .hazardousChemicals], near: region, spread: 0.03,
                          in: region.code, &random)]
        for (i, template) in Self.city.enumerated() {
            teams.append(make(id: "\(region.code)-PR-\(i + 1)", name: "\(region.name)\(template.name)", kind: .professional,
                              specialties: template.specialties, near: region, spread: 0.05, in: region.code, &random))
        }
        return teams
    }

    private func countyTeams(_ random: inout SplitMix64) -> [RescueTeam] {
        let i = tree.regions(at: .county).map(\.code).sorted().firstIndex(of: region.code) ?? 0
        let places = [region.code] + ((try? tree.children(of: region.code)) ?? []).map(\.code)
        func place(_ random: inout SplitMix64) -> String { places[Int.random(in: 0..<places.count, using: &random)] }
        var teams: [RescueTeam] = []
        for n in 0..<(1 + (i < 31 ? 1 : 0)) {
            var specialties: [Specialty] = [.floodWater, .mountainCollapse, .hazardousChemicals]
            if random.unit(0, 1) < 0.5 { specialties.append(.forestFire) }
            teams.append(make(id: "\(region.code)-FR-\(n + 1)", name: region.name + (n == 0 ? "消防救援大队" : "特勤消防救援站"),
                              kind: .fireRescue, specialties: specialties, near: region, spread: 0.05, in: place(&random), &random))
        }
        for n in 0..<(1 + (i < 32 ? 1 : 0)) {
            let template = n == 0 ? Self.county[0] : Self.county[1 + Int.random(in: 0..<(Self.county.count - 1), using: &random)]
            teams.append(make(id: "\(region.code)-PR-\(n + 1)", name: region.name + template.name, kind: .professional,
                              specialties: template.specialties, near: region, spread: 0.05, in: place(&random), &random))
        }
        let start = Int.random(in: 0..<Self.social.count, using: &random)
        for n in 0..<(2 + (i < 68 ? 1 : 0)) {
            let template = Self.social[(start + n) % Self.social.count]
            teams.append(make(id: "\(region.code)-SO-\(n + 1)", name: region.name + template.name, kind: .social,
                              specialties: template.specialties, near: region, spread: 0.05, in: place(&random), &random))
        }
        return teams
    }

    // MARK: One team

    private func make(id: String, name: String, kind: TeamKind, specialties: [Specialty], near base: Region, spread: Double,
                      in regionCode: String, _ random: inout SplitMix64) -> RescueTeam {
        let seat = (try? tree.location(of: base.code).coordinate) ?? GeoCoordinate(uncheckedLatitude: 29.2, longitude: 120.5)
        let headcount: ClosedRange<Int64> = switch kind {
        case .fireRescue: 30...80
        case .professional: 20...60
        case .social: 10...40
        case .aviation: 8...20
        }
        return RescueTeam(
            id: id, name: name, kind: kind, specialties: specialties.sorted { $0.rawValue < $1.rawValue },
            headcount: Int64.random(in: headcount, using: &random),
            equipment: Self.equipment(kind: kind, specialties: specialties, &random),
            latitude: Self.rounded(seat.latitude + random.unit(-spread, spread)),
            longitude: Self.rounded(seat.longitude + random.unit(-spread, spread)),
            regionCode: regionCode, readiness: .standby,
            contact: Self.surnames[Int.random(in: 0..<Self.surnames.count, using: &random)]
                + Self.givenNames[Int.random(in: 0..<Self.givenNames.count, using: &random)],
            phone: "13" + String(random.next() % 1_000_000_000).leftPadded(9))
    }

    /// What a team of `kind` with `specialties` carries, by catalogue code.
    private static func equipment(kind: TeamKind, specialties: [Specialty], _ random: inout SplitMix64) -> [EquipmentCount] {
        var counts: [String: Int64] = [:]
        func add(_ code: String, _ range: ClosedRange<Int64>) { counts[code, default: 0] += Int64.random(in: range, using: &random) }
        add("satellite-phone", 1...3)
        if random.unit(0, 1) < 0.6 { add("drone", 1...3) }
        for specialty in specialties {
            switch specialty {
            case .floodWater: add("assault-boat", 1...6); add("rubber-boat", 2...8); add("pump", 2...6)
            case .mountainCollapse: add("life-detector", 1...3); add("breaking-tools", 2...6)
            case .powerCommunications: add("generator", 2...8); add("lighting-tower", 1...3)
            case .medical: add("ambulance", 1...4)
            case .hazardousChemicals: add("fire-truck", 1...4)
            case .forestFire: add("drone", 1...3); add("generator", 1...2)
            case .mineTunnel: add("life-detector", 1...2); add("generator", 1...3)
            }
        }
        switch kind {
        case .fireRescue:
            add("fire-truck", 4...12)
            if specialties.contains(.floodWater) { add("drainage-truck", 1...3) }
        case .aviation: add("helicopter", 1...3)
        case .professional, .social: break
        }
        return counts.sorted { $0.key < $1.key }.map { EquipmentCount(code: $0.key, count: $0.value) }
    }

    private static func rounded(_ degrees: Double) -> Double { Double(Int(degrees * 1_000_000)) / 1_000_000 }

    private struct Template: Sendable {
        let name: String
        let specialties: [Specialty]
    }

    private static let provincial = [
        Template(name: "危险化学品应急救援队", specialties: [.hazardousChemicals]),
        Template(name: "电力应急抢修队", specialties: [.powerCommunications]),
        Template(name: "通信应急保障队", specialties: [.powerCommunications]),
        Template(name: "矿山救护队", specialties: [.mineTunnel, .mountainCollapse]),
        Template(name: "隧道应急救援队", specialties: [.mineTunnel]),
        Template(name: "水上搜救队", specialties: [.floodWater]),
        Template(name: "防汛机动抢险队", specialties: [.floodWater]),
        Template(name: "医疗应急救援队", specialties: [.medical]),
        Template(name: "地质灾害应急救援队", specialties: [.mountainCollapse]),
        Template(name: "森林消防队", specialties: [.forestFire]),
        Template(name: "建筑坍塌搜救队", specialties: [.mountainCollapse, .medical]),
    ]

    private static let city = [
        Template(name: "防汛抢险队", specialties: [.floodWater]),
        Template(name: "危化品救援队", specialties: [.hazardousChemicals]),
        Template(name: "电力应急抢修队", specialties: [.powerCommunications]),
        Template(name: "医疗应急救援队", specialties: [.medical]),
    ]

    /// The first is every county's; a second team is one of the others.
    private static let county = [
        Template(name: "防汛抢险队", specialties: [.floodWater]),
        Template(name: "山地救援队", specialties: [.mountainCollapse]),
        Template(name: "电力抢修队", specialties: [.powerCommunications]),
        Template(name: "医疗救护队", specialties: [.medical]),
        Template(name: "森林消防专业队", specialties: [.forestFire]),
    ]

    private static let social = [
        Template(name: "蓝天救援队", specialties: [.floodWater, .mountainCollapse]),
        Template(name: "公羊救援队", specialties: [.floodWater, .mountainCollapse, .medical]),
        Template(name: "红十字应急救护队", specialties: [.medical]),
        Template(name: "曙光救援队", specialties: [.floodWater]),
        Template(name: "应急志愿救援队", specialties: [.floodWater, .medical]),
    ]

    private static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"]
    private static let givenNames = ["建国", "伟", "芳", "军", "勇", "杰", "强", "磊", "洋", "敏", "静", "涛", "斌", "浩", "明", "华", "俊", "鹏", "辉", "超"]
}
