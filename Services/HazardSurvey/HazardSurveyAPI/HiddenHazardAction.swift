import AnlanRecords

/// What can be done to a hidden hazard. `HiddenHazardTransitions` says from which states.
public enum HiddenHazardAction: UInt8, WireEnum {
    /// Recorded when the hazard is created (发现); not requested by clients.
    case discover = 1
    /// discovered → assigned: handed to the responsible unit (交办).
    case assign = 2
    /// assigned → rectified: the unit reports the fix, with evidence (整改).
    case rectify = 3
    /// rectified → inspected: a supervisor verifies the fix on site (督查).
    case inspect = 4
    /// rectified or inspected → assigned: the fix did not hold; back to rectification.
    case reject = 5
    /// inspected → closed: struck off the list (销号).
    case close = 6
    /// closed → assigned: the hazard came back (when reopening is allowed).
    case reopen = 7
    /// Any open state, when overdue: the tier above takes over supervision with a new deadline (升级督办).
    case escalate = 8

    public static let kindName = "action"

    public var name: String {
        switch self {
        case .discover: "discover"
        case .assign: "assign"
        case .rectify: "rectify"
        case .inspect: "inspect"
        case .reject: "reject"
        case .close: "close"
        case .reopen: "reopen"
        case .escalate: "escalate"
        }
    }
}
