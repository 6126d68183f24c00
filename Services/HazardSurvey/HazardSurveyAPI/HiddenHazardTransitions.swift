import AnlanRecords

/// The closed loop's transition table: which action takes a hidden hazard from which state to which.
///
/// | action   | from                 | to         |
/// |----------|----------------------|------------|
/// | assign   | discovered           | assigned   |
/// | rectify  | assigned             | rectified  |
/// | inspect  | rectified            | inspected  |
/// | reject   | rectified, inspected | assigned   |
/// | close    | inspected            | closed     |
/// | reopen   | closed               | assigned   |
/// | escalate | any open state       | (the same) |
///
/// `discover` is recorded at creation and cannot be requested.
public enum HiddenHazardTransitions {
    /// The states `action` may start from.
    public static func sources(of action: HiddenHazardAction) -> [HiddenHazardState] {
        switch action {
        case .discover: []
        case .assign: [.discovered]
        case .rectify: [.assigned]
        case .inspect: [.rectified]
        case .reject: [.rectified, .inspected]
        case .close: [.inspected]
        case .reopen: [.closed]
        case .escalate: [.discovered, .assigned, .rectified, .inspected]
        }
    }

    /// The state after `action` from `state`.
    ///
    /// - Throws: `InvalidRecord` naming the current state and the states the action needs.
    public static func target(of action: HiddenHazardAction, from state: HiddenHazardState,
                              reopenAllowed: Bool = true) throws(InvalidRecord) -> HiddenHazardState {
        if action == .discover {
            throw InvalidRecord("discover is recorded when a hidden hazard is created; it cannot be requested")
        }
        if action == .reopen && !reopenAllowed {
            throw InvalidRecord("reopening closed hidden hazards is turned off on this node")
        }
        let sources = sources(of: action)
        guard sources.contains(state) else {
            throw InvalidRecord("cannot \(action.name): the hidden hazard is \(state.name); \(action.name) needs it \(sources.map(\.name).joined(separator: " or "))")
        }
        switch action {
        case .discover, .escalate: return state
        case .assign, .reject, .reopen: return .assigned
        case .rectify: return .rectified
        case .inspect: return .inspected
        case .close: return .closed
        }
    }
}
