import AnlanRecords

/// Where a hidden hazard stands in the closed loop 发现 → 交办 → 整改 → 督查 → 销号.
public enum HiddenHazardState: UInt8, WireEnum {
    case discovered = 1  // 发现
    case assigned = 2    // 交办
    case rectified = 3   // 整改 (rectification reported)
    case inspected = 4   // 督查 (rectification verified)
    case closed = 5      // 销号

    public static let kindName = "hidden hazard state"

    public var name: String {
        switch self {
        case .discovered: "discovered"
        case .assigned: "assigned"
        case .rectified: "rectified"
        case .inspected: "inspected"
        case .closed: "closed"
        }
    }

    /// Open hazards count towards deadlines; closed ones do not.
    public var isOpen: Bool { self != .closed }
}
