import AnlanRecords
import Testing
import TrainingRecordsAPI
@testable import TrainingRecordsService

/// The stored year masks are worked out from the years with credits; they must equal the rules
/// applied year by year, for every role, joining date and mix of credits.
@Suite struct PersonTrainingMaskTests {
    @Test func masksEqualTheRulesAppliedYearByYear() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let role = PersonRole.allCases.randomElement(using: &random)!
            let joinedOn = CivilDay(year: Int.random(in: 1998...2064, using: &random), month: Int.random(in: 1...12, using: &random),
                                    day: Bool.random(using: &random) ? 1 : Int.random(in: 1...28, using: &random))!
            let credits = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                PersonTraining.Credit(endsOn: CivilDay(year: Int.random(in: 1998...2064, using: &random), month: Int.random(in: 1...12, using: &random),
                                                       day: Int.random(in: 1...28, using: &random))!,
                                      hours: [0.5, 8, 12, 16, 20, 24, 80, 480].randomElement(using: &random)!)
            }
            let training = PersonTraining(role: role, highRisk: Bool.random(using: &random), joinedOn: joinedOn, credits: credits,
                                          floodSeasonStarts: (Int.random(in: 3...6, using: &random), Int.random(in: 1...28, using: &random)))
            for village in [false, true] {
                let counts = TrainingRules.target(for: role, village: village).counts
                #expect(training.trainedMask(village: village) == PersonTraining.mask { training.counts(counts, in: $0) },
                        "\(role) \(village) joined \(joinedOn) credits \(credits)")
            }
            #expect(training.annualMask == PersonTraining.mask { training.annualMet(in: $0) }, "\(role) joined \(joinedOn) credits \(credits)")
        }
    }
}

/// The coverage rules applied year by year: the definition the stored masks follow, kept here as the
/// oracle the fast masks are held to.
extension PersonTraining {
    /// Bit `year − 2000` set for each year of `TrainingRules.years` where `predicate` holds.
    static func mask(_ predicate: (Int) -> Bool) -> Int64 {
        TrainingRules.years.reduce(Int64(0)) { mask, year in predicate(year) ? mask | (1 << Int64(year - TrainingRules.years.lowerBound)) : mask }
    }

    func compliant(in year: Int) -> Bool {
        initialMet && (annualRule.map { !binds($0, in: year) || hours(in: year) >= $0.hours } ?? true)
    }

    /// Whether the annual rule binds and is met in `year`.
    func annualMet(in year: Int) -> Bool {
        annualRule.map { binds($0, in: year) && hours(in: year) >= $0.hours } ?? false
    }

    /// Whether the person counts as trained for their coverage target in `year`.
    func counts(_ counts: CoverageTarget.Counts, in year: Int) -> Bool {
        switch counts {
        case .trainedInYear: creditYears.contains { $0.year == year }
        case .trainedBeforeFloodSeason: creditYears.contains { $0.year == year && $0.beforeFloodSeason }
        case .annualHoursMet: annualRule.map { hours(in: year) >= $0.hours } ?? false
        case .compliant: compliant(in: year)
        }
    }
}
