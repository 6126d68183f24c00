import AnlanRecords

/// Where a dispatch order stands: requested → approved → dispatched → received, or cancelled.
public enum DispatchState: UInt8, WireEnum {
    case requested = 1
    case approved = 2
    case dispatched = 3
    case received = 4
    case cancelled = 5

    public static let kindName = "dispatch state"

    public var name: String {
        switch self {
        case .requested: "requested"
        case .approved: "approved"
        case .dispatched: "dispatched"
        case .received: "received"
        case .cancelled: "cancelled"
        }
    }
}
