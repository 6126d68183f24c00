import AnlanRecords
import AnlanRegions
import HazardSurveyAPI

/// Deterministic synthetic survey data over the real region tree, for the local mesh's demo, tests and
/// benchmarks. It is *not* survey data: no public hazard-point register exists to ship. Points sit near
/// their real township's centre (or county seat), so many to each township and so many people exposed at
/// each, and of which kind of hazard, as `SyntheticExposure` (shared with evacuation's generator) says; enterprises carry valid-format
/// credit codes, and the figures are plausible, not real.
public struct SyntheticSurvey: Sendable {
    public let tree: RegionTree
    public let region: Region
    /// The day discovery and survey dates count back from.
    public let today: CivilDay
    private let townships: [Region]
    private let places: [String: GeoCoordinate]

    public init(tree: RegionTree = .zhejiang, regionCode: String, today: CivilDay) throws {
        self.tree = tree
        self.region = try tree.region(regionCode)
        self.today = today
        // A county without townships (龙港市 330383 has only communities) keeps its records itself.
        let townships = try tree.leaves(under: region.code)
        self.townships = townships
        var places: [String: GeoCoordinate] = [:]
        for township in townships { places[township.code] = try tree.location(of: township.code).coordinate }
        self.places = places
    }

    /// `count` hazard points as CSV, ids `HP-<n>` from `firstID`, spread over the townships and exposed
    /// to people as `SyntheticExposure` says — the rule evacuation's generator places its coded people
    /// by. A point's people registered for transfer are the people exposed at it; its population at
    /// risk adds a few more (passers-by, workers), so a province of a million points has a few million
    /// people at risk and about half a million to move.
    public func pointsCSV(count: Int, seed: UInt64 = 1, firstID: Int = 1) -> String {
        var random = SplitMix64(seed: seed)
        var writer = CSVWriter()
        writer.write(HazardCSVFormat.pointColumns)
        let types = HazardType.allCases
        let departments = ["自然资源", "水利", "应急管理", "气象", "林业", "住建"]
        for township in SyntheticExposure(leaves: townships, points: count, firstID: firstID).townships {
            let centre = places[township.region.code]!
            for (k, exposed) in township.exposed.enumerated() {
                let n = township.firstPoint + k
                // A point with people: a type of what puts them at risk; one without: any.
                let family = exposed > 0 ? Self.types(township.risks[k]) : types
                let type = family[Int(random.next() % UInt64(family.count))]
                let latitude = Double(Int((centre.latitude + random.unit(-0.02, 0.02)) * 1_000_000)) / 1_000_000
                let longitude = Double(Int((centre.longitude + random.unit(-0.02, 0.02)) * 1_000_000)) / 1_000_000
                let band = 1 + random.next() % 5
                let population = exposed + Int(random.next() % 7)
                writer.write([
                    SyntheticExposure.pointID(n), township.region.code, String(latitude), String(longitude),
                    type.name, String(band), String(population), String(exposed),
                    "负责人\(n % 997)", "1380000\(String(n % 10_000).leftPadded(4))",
                    today.adding(days: -Int(random.next() % 900)).description,
                    departments[Int(random.next() % UInt64(departments.count))],
                ])
            }
        }
        return writer.text
    }

    /// The hazard types a point whose people are at `risk` is drawn from.
    static func types(_ risk: SyntheticExposure.Risk) -> [HazardType] {
        switch risk {
        case .geological: [.landslide, .collapse, .debrisFlow, .groundSubsidence]
        case .flashFlood: [.flashFlood, .riverFlood]
        case .urbanFlooding: [.urbanWaterlogging, .rainstorm]
        case .coastal: [.stormSurge, .typhoon]
        case .worksite: [.rainstorm, .typhoon, .landslide]
        case .fishingVessel: [.typhoon]
        }
    }

    /// `count` enterprises as CSV, ids `EN-<n>`.
    public func enterprisesCSV(count: Int, seed: UInt64 = 2) -> String {
        var random = SplitMix64(seed: seed)
        var writer = CSVWriter()
        writer.write(HazardCSVFormat.enterpriseColumns)
        let grades: [RiskGrade] = [.red, .orange, .orange, .yellow, .yellow, .yellow, .blue, .blue, .blue, .blue]
        for n in stride(from: 1, through: count, by: 1) {
            let township = townships[Int(random.next() % UInt64(townships.count))]
            let sector = IndustrySector.allCases[Int(random.next() % 8)]
            writer.write([
                "EN-\(n)", "\(township.name)第\(n)企业", Self.creditCode(serial: n, county: String(township.code.prefix(6))),
                township.code, sector.name, random.next() % 10 == 0 ? "yes" : "no",
                grades[Int(random.next() % UInt64(grades.count))].name,
            ])
        }
        return writer.text
    }

    /// `count` hidden hazards as CSV, ids `HH-<n>`; every third is in one of the first `enterprises` enterprises.
    public func hiddenHazardsCSV(count: Int, enterprises: Int, seed: UInt64 = 3) -> String {
        var random = SplitMix64(seed: seed)
        var writer = CSVWriter()
        writer.write(HazardCSVFormat.hiddenColumns)
        let categories = ["消防设施", "用电安全", "危化品储存", "边坡稳定", "排水防涝", "特种设备"]
        for n in stride(from: 1, through: count, by: 1) {
            let township = townships[Int(random.next() % UInt64(townships.count))]
            let inEnterprise = enterprises > 0 && n % 3 == 0
            // Supervised at most as low as the hazard's own tier (a county without townships has no township tier).
            let tier = min([Tier.city, .county, .county, .township][Int(random.next() % 4)], township.tier)
            writer.write([
                "HH-\(n)", inEnterprise ? "" : township.code,
                inEnterprise ? "EN-\(1 + Int(random.next() % UInt64(enterprises)))" : "",
                inEnterprise ? "" : "\(township.name)公共区域\(n % 50)号", "隐患描述 \(n)",
                categories[Int(random.next() % UInt64(categories.count))], random.next() % 8 == 0 ? "yes" : "no",
                today.adding(days: -Int(random.next() % 120)).description, "检查组\(n % 37)",
                tier.name, random.next() % 20 == 0 ? "yes" : "no",
            ])
        }
        return writer.text
    }

    /// A valid-format credit code: 9 (enterprise) 1 (company), the county code, a serial, the check character.
    public static func creditCode(serial: Int, county: String) -> String {
        let body = "91" + county + String(serial % 1_000_000_000).leftPadded(9)
        return body + String(UnifiedSocialCreditCode.checkCharacter(for: body)!)
    }
}
