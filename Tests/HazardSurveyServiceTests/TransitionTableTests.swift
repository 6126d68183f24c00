import AnlanRecords
import HazardSurveyAPI
import Testing

@Suite struct TransitionTableTests {
    /// Every (action, state) pair: the table in `HiddenHazardTransitions`' doc comment, spelled out.
    static let expected: [HiddenHazardAction: [HiddenHazardState: HiddenHazardState]] = [
        .assign: [.discovered: .assigned],
        .rectify: [.assigned: .rectified],
        .inspect: [.rectified: .inspected],
        .reject: [.rectified: .assigned, .inspected: .assigned],
        .close: [.inspected: .closed],
        .reopen: [.closed: .assigned],
        .escalate: [.discovered: .discovered, .assigned: .assigned, .rectified: .rectified, .inspected: .inspected],
        .discover: [:],
    ]

    @Test(arguments: HiddenHazardAction.allCases)
    func actionFromEveryState(action: HiddenHazardAction) {
        for state in HiddenHazardState.allCases {
            let target = Self.expected[action]?[state]
            do {
                let result = try HiddenHazardTransitions.target(of: action, from: state)
                #expect(result == target, "\(action) from \(state)")
            } catch {
                #expect(target == nil, "\(action) from \(state) should be allowed")
                if action != .discover {
                    #expect(error.message.contains("is \(state.name)"), "the error names the current state: \(error.message)")
                }
            }
        }
    }

    @Test func reopeningCanBeTurnedOff() {
        #expect(throws: InvalidRecord.self) { try HiddenHazardTransitions.target(of: .reopen, from: .closed, reopenAllowed: false) }
    }
}
