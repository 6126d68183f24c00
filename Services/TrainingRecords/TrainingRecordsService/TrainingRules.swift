import TrainingRecordsAPI

/// A statutory training-hours rule: the roles it binds (optionally only in or only outside high-risk
/// sectors), its window and the hours required.
public struct HourRule: Sendable {
    public enum Window: Sendable, Hashable {
        /// Hours from sessions ending no later than this many months after joining the role (0:
        /// before starting).
        case initial(monthsAfterJoining: Int)
        /// Hours from sessions ending in the calendar year; binds from the first full year in the role.
        case annual
    }

    public let id: String
    public let roles: Set<PersonRole>
    /// true: only high-risk sectors; false: only the others; nil: both.
    public let highRisk: Bool?
    public let window: Window
    public let hours: Double
    public let requirement: String

    public func applies(to role: PersonRole, highRisk: Bool) -> Bool {
        roles.contains(role) && (self.highRisk == nil || self.highRisk == highRisk)
    }
}

/// A coverage target: the share of a role (at a level) that must count as trained in a year.
public struct CoverageTarget: Sendable {
    public enum Counts: Sendable, Hashable {
        /// At least one passed course for the role in the year.
        case trainedInYear
        /// At least one passed course for the role ending before the flood season starts.
        case trainedBeforeFloodSeason
        /// The role's annual hour rule met in the year.
        case annualHoursMet
        /// Every hour rule of the role met.
        case compliant
    }

    public let role: PersonRole
    /// true: the village-level line; false: city, county and township; nil: everyone in the role.
    public let village: Bool?
    public let percent: Double
    public let counts: Counts
    public let source: String
}

/// The rules, as data. Hours per day and per month of full-time training for enforcement officers:
/// 8 h a day, 5 days a week, 20 working days a month.
public enum TrainingRules {
    static let principals: Set<PersonRole> = [.enterprisePrincipal, .safetyManager]
    static let workers: Set<PersonRole> = [.employee, .specialOperationsWorker]
    static let regulation = "生产经营单位安全培训规定 (State Administration of Work Safety order 3, as amended)"

    public static let hourRules: [HourRule] = [
        HourRule(id: "principal-initial", roles: principals, highRisk: false, window: .initial(monthsAfterJoining: 6), hours: 32,
                 requirement: "principals and safety managers: at least 32 h initial training — \(regulation)"),
        HourRule(id: "principal-initial-high-risk", roles: principals, highRisk: true, window: .initial(monthsAfterJoining: 6), hours: 48,
                 requirement: "principals and safety managers in high-risk sectors: at least 48 h initial training — \(regulation)"),
        HourRule(id: "principal-annual", roles: principals, highRisk: false, window: .annual, hours: 12,
                 requirement: "principals and safety managers: at least 12 h retraining a year — \(regulation)"),
        HourRule(id: "principal-annual-high-risk", roles: principals, highRisk: true, window: .annual, hours: 16,
                 requirement: "principals and safety managers in high-risk sectors: at least 16 h retraining a year — \(regulation)"),
        HourRule(id: "worker-initial", roles: workers, highRisk: false, window: .initial(monthsAfterJoining: 0), hours: 24,
                 requirement: "new workers: at least 24 h before starting — \(regulation)"),
        HourRule(id: "worker-initial-high-risk", roles: workers, highRisk: true, window: .initial(monthsAfterJoining: 0), hours: 72,
                 requirement: "new workers in high-risk sectors: at least 72 h before starting — \(regulation)"),
        HourRule(id: "worker-annual-high-risk", roles: workers, highRisk: true, window: .annual, hours: 20,
                 requirement: "workers in high-risk sectors: at least 20 h retraining a year — \(regulation)"),
        HourRule(id: "enforcement-initial", roles: [.enforcementOfficer], highRisk: nil, window: .initial(monthsAfterJoining: 12), hours: 480,
                 requirement: "enforcement officers: at least 3 months (480 h) of training on joining, within the first year — Zhejiang emergency-management training targets"),
        HourRule(id: "enforcement-annual", roles: [.enforcementOfficer], highRisk: nil, window: .annual, hours: 80,
                 requirement: "enforcement officers: at least 2 weeks (80 h) of training a year — Zhejiang emergency-management training targets"),
    ]

    static let zhejiang = "Zhejiang emergency-management training targets"

    public static let coverageTargets: [CoverageTarget] = [
        CoverageTarget(role: .cadre, village: nil, percent: 70, counts: .trainedInYear, source: "cadres: 70 % complete comprehensive emergency training — \(zhejiang)"),
        CoverageTarget(role: .enforcementOfficer, village: nil, percent: 80, counts: .annualHoursMet, source: "enforcement staff: 80 % retrained — \(zhejiang)"),
        CoverageTarget(role: .informationOfficerA, village: false, percent: 50, counts: .trainedInYear, source: "disaster information officers: 50 % trained a year at city, county and township level — \(zhejiang)"),
        CoverageTarget(role: .informationOfficerA, village: true, percent: 20, counts: .trainedInYear, source: "disaster information officers: 20 % trained a year at village level — \(zhejiang)"),
        CoverageTarget(role: .informationOfficerB, village: false, percent: 50, counts: .trainedInYear, source: "disaster information officers: 50 % trained a year at city, county and township level — \(zhejiang)"),
        CoverageTarget(role: .informationOfficerB, village: true, percent: 20, counts: .trainedInYear, source: "disaster information officers: 20 % trained a year at village level — \(zhejiang)"),
        CoverageTarget(role: .floodControlResponsible, village: nil, percent: 100, counts: .trainedBeforeFloodSeason, source: "every flood-control responsible person trained before the flood season — \(zhejiang)"),
        CoverageTarget(role: .enterprisePrincipal, village: nil, percent: 100, counts: .compliant, source: "statutory hours — \(regulation)"),
        CoverageTarget(role: .safetyManager, village: nil, percent: 100, counts: .compliant, source: "statutory hours — \(regulation)"),
        CoverageTarget(role: .specialOperationsWorker, village: nil, percent: 100, counts: .compliant, source: "statutory hours — \(regulation)"),
        CoverageTarget(role: .employee, village: nil, percent: 100, counts: .compliant, source: "statutory hours — \(regulation)"),
    ]

    /// The hour rules for a person.
    public static func rules(for role: PersonRole, highRisk: Bool) -> [HourRule] {
        rulesByPerson[Int(role.rawValue) * 2 + (highRisk ? 1 : 0)]
    }

    /// The coverage target line a person falls in.
    public static func target(for role: PersonRole, village: Bool) -> CoverageTarget {
        targetsByPerson[Int(role.rawValue) * 2 + (village ? 1 : 0)]
    }

    /// `rules(for:highRisk:)` and `target(for:village:)` worked out once, by role × 2 + flag.
    private static let rulesByPerson: [[HourRule]] = (0..<20).map { key in
        guard let role = PersonRole(rawValue: UInt8(key / 2)) else { return [] }
        return hourRules.filter { $0.applies(to: role, highRisk: key % 2 == 1) }
    }
    private static let targetsByPerson: [CoverageTarget] = (0..<20).map { key in
        let role = PersonRole(rawValue: UInt8(key / 2)) ?? .employee
        return coverageTargets.first { $0.role == role && ($0.village == nil || $0.village == (key % 2 == 1)) }!
    }

    /// The years coverage is kept for, one bit each in a person's masks.
    public static let years: ClosedRange<Int> = 2000...2062
}
