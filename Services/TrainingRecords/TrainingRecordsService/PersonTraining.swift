import AnlanRecords
import TrainingRecordsAPI

/// One person's training worked out from their passed attendances at courses that count for their
/// role: the hours each rule sees, whether each coverage target counts them, and the year masks
/// stored on the person so that coverage is a count, not a recomputation.
struct PersonTraining {
    /// Passed hours from one session that counts for the person's role.
    struct Credit {
        let endsOn: CivilDay
        let hours: Double
    }

    let role: PersonRole
    let joinedOn: CivilDay
    let rules: [HourRule]
    /// The first year the person is in the role from 1 January (an annual rule binds from it).
    private let firstFullYear: Int
    private let annualRule: HourRule?
    private(set) var initialHours = 0.0
    private(set) var hoursByYear: [Int: Double] = [:]
    private(set) var trainedYears: Set<Int> = []
    private(set) var beforeFloodSeasonYears: Set<Int> = []

    /// - Parameter floodSeasonStarts: month and day the flood season starts (training must end before).
    init(role: PersonRole, highRisk: Bool, joinedOn: CivilDay, credits: some Sequence<Credit>, floodSeasonStarts: (month: Int, day: Int)) {
        self.role = role
        self.joinedOn = joinedOn
        self.rules = TrainingRules.rules(for: role, highRisk: highRisk)
        self.firstFullYear = joinedOn.components.month == 1 && joinedOn.components.day == 1 ? joinedOn.year : joinedOn.year + 1
        self.annualRule = rules.first { $0.window == .annual }
        let initialEnds = rules.lazy.compactMap { rule -> CivilDay? in
            if case .initial(let months) = rule.window { return joinedOn.adding(months: months) }
            return nil
        }.first
        for credit in credits {
            let year = credit.endsOn.year
            hoursByYear[year, default: 0] += credit.hours
            trainedYears.insert(year)
            if let start = CivilDay(year: year, month: floodSeasonStarts.month, day: floodSeasonStarts.day), credit.endsOn < start {
                beforeFloodSeasonYears.insert(year)
            }
            if let initialEnds, credit.endsOn <= initialEnds { initialHours += credit.hours }
        }
        initialMet = rules.allSatisfy { $0.window == .annual || initialHours >= $0.hours }
    }

    /// The last day hours count for an initial rule.
    func windowEnd(of rule: HourRule, year: Int) -> CivilDay {
        switch rule.window {
        case .initial(let months): joinedOn.adding(months: months)
        case .annual: CivilDay(year: year, month: 12, day: 31)!
        }
    }

    /// Whether `rule` binds in `year`: an initial rule always, an annual one from the first full year
    /// in the role (the joining year itself for someone who joined on 1 January).
    func binds(_ rule: HourRule, in year: Int) -> Bool {
        rule.window != .annual || firstFullYear <= year
    }

    func hours(for rule: HourRule, in year: Int) -> Double {
        rule.window == .annual ? hoursByYear[year] ?? 0 : initialHours
    }

    /// Each rule binding in `year`, with the hours it sees.
    func results(in year: Int) -> [RuleResult] {
        rules.filter { binds($0, in: year) }.map { rule in
            let attended = hours(for: rule, in: year)
            return RuleResult(ruleID: rule.id, requiredHours: rule.hours, attendedHours: attended, met: attended >= rule.hours,
                              shortByHours: max(0, rule.hours - attended), windowEndsOn: windowEnd(of: rule, year: year),
                              requirement: rule.requirement)
        }
    }

    func compliant(in year: Int) -> Bool {
        initialMet && (annualRule.map { !binds($0, in: year) || (hoursByYear[year] ?? 0) >= $0.hours } ?? true)
    }

    /// Every initial rule met (set once the credits are added up).
    private(set) var initialMet = false


    /// Whether the annual rule binds and is met in `year`.
    func annualMet(in year: Int) -> Bool {
        annualRule.map { binds($0, in: year) && (hoursByYear[year] ?? 0) >= $0.hours } ?? false
    }

    /// Whether the person counts as trained for their coverage target in `year`.
    func counts(_ counts: CoverageTarget.Counts, in year: Int) -> Bool {
        switch counts {
        case .trainedInYear: trainedYears.contains(year)
        case .trainedBeforeFloodSeason: beforeFloodSeasonYears.contains(year)
        case .annualHoursMet: annualRule.map { (hoursByYear[year] ?? 0) >= $0.hours } ?? false
        case .compliant: compliant(in: year)
        }
    }

    /// Bit `year − 2000` set for each year of `TrainingRules.years` where `predicate` holds.
    static func mask(_ predicate: (Int) -> Bool) -> Int64 {
        TrainingRules.years.reduce(Int64(0)) { mask, year in predicate(year) ? mask | (1 << Int64(year - TrainingRules.years.lowerBound)) : mask }
    }

    func trainedMask(village: Bool) -> Int64 {
        let target = TrainingRules.target(for: role, village: village)
        return Self.mask { counts(target.counts, in: $0) }
    }

    var annualMask: Int64 { Self.mask { annualMet(in: $0) } }
}
