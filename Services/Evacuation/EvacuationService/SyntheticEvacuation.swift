import AnlanRecords
import AnlanRegions
import EvacuationAPI

/// Deterministic synthetic coded people and shelters over the real region tree, for the local mesh's
/// demo, tests and benchmarks. It is *not* a register: none is public. The people of each township are
/// the people `SyntheticExposure` puts on its hazard points — the rule hazard-survey's generator follows
/// too — so a township's coded people are the people its points register for transfer, and every
/// person's hazard point is one of the points hazard-survey generates in that township.
///
/// Risk kinds are their point's (`SyntheticExposure.Risk`, which follows the township's terrain): coast
/// and fishing vessels on the coast; urban flooding and worksites in subdistricts (街道); landslides and
/// flash floods in towns and rural townships — and hazard-survey draws the point's type from that family. About one in six
/// people has a need (70 or older, by the birth date in their ID number; disabled; bedridden; a child
/// alone). People live in households in villages; each village cadre answers for 10–30 households
/// (村包户). Every township has a school and a hall per village as shelters, together with room for
/// well over its coded people, each person assigned one in advance.
public struct SyntheticEvacuation: Sendable {
    public let region: Region
    /// Ages count back from this day.
    public let today: CivilDay
    private let tree: RegionTree
    private let leaves: [Region]

    public init(tree: RegionTree = .zhejiang, regionCode: String, today: CivilDay) throws {
        self.tree = tree
        self.region = try tree.region(regionCode)
        self.today = today
        // A county without townships (龙港市 330383) keeps its shelters itself, and has no coded people.
        self.leaves = try tree.leaves(under: region.code)
    }

    /// One township's generated records.
    public struct Township: Sendable {
        public let share: SyntheticExposure.Township
        public var people: [CodedPerson]
        public var shelters: [Shelter]
    }

    /// The people and shelters of every leaf, for a region whose hazard-survey data has `points` points
    /// numbered from `firstID` (`hazard-survey generate --points`).
    public func townships(points: Int, seed: UInt64 = 1, firstID: Int = 1) -> [Township] {
        var codes = Set<String>()
        var ids = Set<String>()
        return SyntheticExposure(leaves: leaves, points: points, firstID: firstID).townships.map { share in
            var random = SyntheticExposure.stream(share.region.code, salt: 1000 &+ seed)
            return township(share, random: &random, codes: &codes, ids: &ids)
        }
    }

    /// Coded people as CSV (`evacuation import --kind people`).
    public static func peopleCSV(_ townships: [Township]) -> String {
        var writer = CSVWriter()
        writer.write(EvacuationCSVFormat.peopleColumns)
        for township in townships { for person in township.people { writer.write(EvacuationCSVFormat.row(person)) } }
        return writer.text
    }

    /// Shelters as CSV (`evacuation import --kind shelters`).
    public static func sheltersCSV(_ townships: [Township]) -> String {
        var writer = CSVWriter()
        writer.write(EvacuationCSVFormat.shelterColumns)
        for township in townships { for shelter in township.shelters { writer.write(EvacuationCSVFormat.row(shelter)) } }
        return writer.text
    }

    private func township(_ share: SyntheticExposure.Township, random: inout SplitMix64,
                          codes: inout Set<String>, ids: inout Set<String>) -> Township {
        let region = share.region
        let urban = region.name.hasSuffix("街道")
        let short = region.name.count > 2 && (urban || region.name.hasSuffix("镇") || region.name.hasSuffix("乡"))
            ? String(region.name.dropLast(urban ? 2 : 1)) : region.name
        let centre = (try? tree.location(of: region.code).coordinate) ?? GeoCoordinate(uncheckedLatitude: 29.2, longitude: 120.5)
        func near() -> (Double, Double) {
            (Double(Int((centre.latitude + random.unit(-0.015, 0.015)) * 1_000_000)) / 1_000_000,
             Double(Int((centre.longitude + random.unit(-0.015, 0.015)) * 1_000_000)) / 1_000_000)
        }

        // Villages, and each point's village and risk kind: everyone at a point shares both.
        let villageCount = max(1, min(Self.villageNames.count, (share.people + 39) / 40))
        var names = Self.villageNames
        for i in names.indices.reversed() where i > 0 { names.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let villages = names.prefix(villageCount).map { $0 + (urban ? "社区" : "村") }

        // Shelters: a school, a gymnasium in a subdistrict, a hall per village; room for well over everyone.
        var shelters: [Shelter] = []
        func shelter(_ name: String, _ kind: ShelterKind, _ capacity: Int64) {
            let (lat, lon) = near()
            shelters.append(Shelter(id: "SH-\(region.code)-\(shelters.count + 1)", regionCode: region.code, name: name,
                                    latitude: lat, longitude: lon, kind: kind, capacity: capacity))
        }
        shelter("\(short)中心小学", .school, max(150, (Int64(share.people) * 9 / 10 + 9) / 10 * 10))
        if urban { shelter("\(short)街道体育馆", .gymnasium, 200 + Int64(random.next() % 7) * 50) }
        for village in villages { shelter("\(village)文化礼堂", .communityHall, 40 + Int64(random.next() % 9) * 10) }
        let places = shelters.reduce(0) { $0 + $1.capacity }
        if places < Int64(share.people) * 3 / 2 { shelters[0].capacity += Int64(share.people) * 3 / 2 - places }

        // People, village by village, in households of 1–4; a cadre for every 10–30 households.
        let points = share.personPoints
        let order = points.indices.sorted { (points[$0] % villageCount, points[$0]) < (points[$1] % villageCount, points[$1]) }
        var people: [CodedPerson] = []
        var placed = [Int64](repeating: 0, count: shelters.count)
        var k = 0
        while k < order.count {
            let village = points[order[k]] % villageCount
            var cadre = (name: "", phone: "")
            var householdsLeft = 0
            while k < order.count && points[order[k]] % villageCount == village {
                if householdsLeft == 0 {
                    cadre = (Self.name(&random), Self.phone(&random))
                    householdsLeft = 10 + Int(random.next() % 21)
                }
                householdsLeft -= 1
                let surname = Self.surnames[Int(random.next() % UInt64(Self.surnames.count))]
                let size = 1 + Int(random.next() % 4)
                let phone = Self.phone(&random)
                for member in 0..<size where k < order.count && points[order[k]] % villageCount == village {
                    let point = points[order[k]]
                    var person = person(surname: surname, county: String(region.code.prefix(6)), random: &random, ids: &ids)
                    person.transferCode = Self.unusedCode(&random, &codes)
                    person.phone = member == 0 || person.needs.contains(.childAlone) ? phone : Self.phone(&random)
                    person.regionCode = region.code
                    person.village = villages[village]
                    person.hazardPointIDs = [SyntheticExposure.pointID(share.firstPoint + point)]
                    person.riskKind = Self.kind(share.risks[point])
                    person.cadre = cadre.name
                    person.cadrePhone = cadre.phone
                    // Their village's hall while it has room, else the school.
                    let hall = shelters.firstIndex { $0.name == "\(villages[village])文化礼堂" } ?? 0
                    let assigned = placed[hall] < shelters[hall].capacity ? hall : 0
                    placed[assigned] += 1
                    person.shelterID = shelters[assigned].id
                    people.append(person)
                    k += 1
                }
            }
        }
        return Township(share: share, people: people, shelters: shelters)
    }

    /// A person's name, ID number (birth date consistent with `elderly`) and needs.
    private func person(surname: String, county: String, random: inout SplitMix64, ids: inout Set<String>) -> CodedPerson {
        let draw = random.next() % 100
        var needs: [PersonNeed] = []
        let age: Int
        switch draw {
        case 0..<11:
            age = 70 + Int(random.next() % 23)
            needs = [.elderly]
            if random.next() % 6 == 0 { needs.append(.bedridden) }
            if random.next() % 10 == 0 { needs.append(.disabled) }
        case 11..<14:
            age = 18 + Int(random.next() % 51)
            needs = random.next() % 4 == 0 ? [.disabled, .bedridden] : [.disabled]
        case 14..<16:
            age = 6 + Int(random.next() % 9)
            needs = [.childAlone]
        default:
            age = Int(random.next() % 69)
        }
        let (year, month, day) = today.components
        let anchor = CivilDay(year: year - age - (age >= 70 ? 0 : 1), month: month, day: min(day, 28))!
        // Elderly: born at least 70 years before today; the others: less than 70 years before.
        let birth = age >= 70 ? anchor.adding(days: -1 - Int(random.next() % 300)) : anchor.adding(days: 1 + Int(random.next() % 300))
        var id = ""
        repeat {
            let (y, m, d) = birth.components
            let body = county + String(y) + String(m).leftPadded(2) + String(d).leftPadded(2) + String(random.next() % 1000).leftPadded(3)
            id = body + String(NationalID.checkCharacter(for: body)!)
        } while !ids.insert(id).inserted
        let given = Self.givenCharacters
        let name = surname + String(given[Int(random.next() % UInt64(given.count))])
            + (random.next() % 3 == 0 ? "" : String(given[Int(random.next() % UInt64(given.count))]))
        return CodedPerson(name: name, nationalID: id, needs: needs)
    }

    static func kind(_ risk: SyntheticExposure.Risk) -> RiskZoneKind {
        switch risk {
        case .geological: .geological
        case .flashFlood: .flashFlood
        case .urbanFlooding: .urbanFlooding
        case .coastal: .coastal
        case .worksite: .worksite
        case .fishingVessel: .fishingVessel
        }
    }

    private static func unusedCode(_ random: inout SplitMix64, _ codes: inout Set<String>) -> String {
        while true {
            let code = TransferCode.make(random.next())
            if codes.insert(code).inserted { return code }
        }
    }

    private static func name(_ random: inout SplitMix64) -> String {
        surnames[Int(random.next() % UInt64(surnames.count))] + String(givenCharacters[Int(random.next() % UInt64(givenCharacters.count))])
            + String(givenCharacters[Int(random.next() % UInt64(givenCharacters.count))])
    }

    private static func phone(_ random: inout SplitMix64) -> String {
        "1" + ["35", "37", "38", "39", "58", "59", "88"][Int(random.next() % 7)] + String(random.next() % 100_000_000).leftPadded(8)
    }

    static let surnames = Array("王李张陈刘杨黄吴周徐孙朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭潘袁蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆范汪金石").map(String.init)
    static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玉兰海燕春林志明德荣根福宝凤珍美云飞浩宇晨阳")
    static let villageNames = ["上塘", "下湾", "石桥", "溪口", "岭头", "王家", "李家", "新塘", "东岙", "西坑", "南山", "北塘",
                               "前洋", "后垟", "大坪", "小溪", "沙头", "竹园", "枫林", "梅岭", "桃源", "青山", "白岩", "黄泥"]
}
