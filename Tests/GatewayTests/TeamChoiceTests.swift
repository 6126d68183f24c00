import EmergencyResponseAPI
import GatewayAPI
import Testing
@testable import GatewayService

/// Which teams a proposal takes from the candidates: one per specialty first, then the soonest.
@Suite struct TeamChoiceTests {
    private func candidate(_ id: String, _ eta: Double, _ covers: [Specialty], node: String = "330106") -> ProposedTeam {
        ProposedTeam(node: node, team: RescueTeam(id: id, specialties: covers), etaHours: eta, meetsTarget: eta <= 3, covers: covers)
    }

    @Test func eachSpecialtyGetsItsSoonestTeamBeforeTheRestFill() {
        // Soonest first: two medical teams, then the only collapse team, late.
        let candidates = [candidate("M1", 0.6, [.medical]), candidate("M2", 0.7, [.medical]), candidate("C1", 3.5, [.mountainCollapse])]
        let two = Gateway.chosen(candidates, specialties: [.mountainCollapse, .medical], wanted: 2, targetHours: 3)
        #expect(two.teams.map(\.team.id) == ["M1", "C1"])
        #expect(two.uncovered.isEmpty)
        #expect(!two.met, "C1 arrives after the target")
        let three = Gateway.chosen(candidates, specialties: [.mountainCollapse, .medical], wanted: 3, targetHours: 4)
        #expect(three.teams.map(\.team.id) == ["M1", "M2", "C1"] && three.met)
    }

    @Test func aSpecialtyNoCandidateBringsIsUncoveredAndTheNeedNotMet() {
        let candidates = [candidate("M1", 0.6, [.medical]), candidate("M2", 0.7, [.medical])]
        let choice = Gateway.chosen(candidates, specialties: [.mountainCollapse, .medical], wanted: 2, targetHours: 3)
        #expect(choice.teams.map(\.team.id) == ["M1", "M2"])
        #expect(choice.uncovered == [.mountainCollapse])
        #expect(!choice.met)
        // Too few candidates for the number wanted.
        #expect(!Gateway.chosen([candidate("C1", 0.5, [.mountainCollapse, .medical])], specialties: [.mountainCollapse, .medical],
                                wanted: 2, targetHours: 3).met)
    }

    @Test func aTeamIsTakenOnceEvenWhenItCoversSeveralSpecialties() {
        let both = candidate("B", 0.5, [.mountainCollapse, .medical])
        let choice = Gateway.chosen([both, candidate("M", 0.6, [.medical])], specialties: [.mountainCollapse, .medical], wanted: 2, targetHours: 3)
        #expect(choice.teams.map(\.team.id) == ["B", "M"] && choice.met)
    }
}
