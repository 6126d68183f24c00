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
    let firstFullYear: Int
    let annualRule: HourRule?
    private(set) var initialHours = 0.0
    /// The years with credits, a handful per person: scanned, not hashed (a bulk import derives a
    /// million people).
    private(set) var creditYears: [YearCredits] = []

    /// Passed hours in one year, and whether any of them ended before that year's flood season.
    struct YearCredits {
        let year: Int
        var hours: Double
        var beforeFloodSeason: Bool
    }

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
            let beforeFloodSeason = CivilDay(year: year, month: floodSeasonStarts.month, day: floodSeasonStarts.day).map { credit.endsOn < $0 } ?? false
            if let index = creditYears.firstIndex(where: { $0.year == year }) {
                creditYears[index].hours += credit.hours
                creditYears[index].beforeFloodSeason = creditYears[index].beforeFloodSeason || beforeFloodSeason
            } else {
                creditYears.append(YearCredits(year: year, hours: credit.hours, beforeFloodSeason: beforeFloodSeason))
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
        rule.window == .annual ? hours(in: year) : initialHours
    }

    /// Passed hours of sessions ending in `year`.
    func hours(in year: Int) -> Double {
        creditYears.first { $0.year == year }?.hours ?? 0
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

    /// Every initial rule met (set once the credits are added up).
    private(set) var initialMet = false

    /// Every year's bit.
    private static let allYears: Int64 = ~(-1 << Int64(TrainingRules.years.count))

    /// The bit of `year`, or none outside `TrainingRules.years`.
    private static func bit(_ year: Int) -> Int64 {
        TrainingRules.years.contains(year) ? 1 << Int64(year - TrainingRules.years.lowerBound) : 0
    }

    /// The bits of `year` and every later year.
    private static func bits(from year: Int) -> Int64 {
        if year <= TrainingRules.years.lowerBound { return allYears }
        if year > TrainingRules.years.upperBound { return 0 }
        return allYears & ~((1 << Int64(year - TrainingRules.years.lowerBound)) - 1)
    }

    /// The bits of the years whose credits satisfy `predicate`.
    private func creditBits(_ predicate: (YearCredits) -> Bool) -> Int64 {
        creditYears.reduce(0) { predicate($1) ? $0 | Self.bit($1.year) : $0 }
    }

    /// The years whose hours meet `rule` (a year without credits has none).
    private func hoursMetBits(_ rule: HourRule) -> Int64 {
        rule.hours <= 0 ? Self.allYears : creditBits { $0.hours >= rule.hours }
    }

    /// Bit `year − 2000` for each year the person counts as trained for their coverage target, worked
    /// out from the years with credits (tests hold it to the rule applied year by year) rather than
    /// year by year.
    func trainedMask(village: Bool) -> Int64 {
        switch TrainingRules.target(for: role, village: village).counts {
        case .trainedInYear: return creditBits { _ in true }
        case .trainedBeforeFloodSeason: return creditBits { $0.beforeFloodSeason }
        case .annualHoursMet: return annualRule.map(hoursMetBits) ?? 0
        case .compliant:
            guard initialMet else { return 0 }
            guard let annualRule else { return Self.allYears }
            let binding = Self.bits(from: firstFullYear)
            return (Self.allYears & ~binding) | (hoursMetBits(annualRule) & binding)
        }
    }

    /// Bit `year − 2000` for each year the annual rule binds and is met, from the years with credits.
    var annualMask: Int64 {
        annualRule.map { hoursMetBits($0) & Self.bits(from: firstFullYear) } ?? 0
    }
}
