import AnlanRecords

/// Lighting for night operations.
public enum NightLighting: UInt8, WireEnum {
    case none = 1
    case mobile = 2
    case fixed = 3

    public static let kindName = "night lighting"

    public var name: String {
        switch self {
        case .none: "none"
        case .mobile: "mobile"
        case .fixed: "fixed"
        }
    }
}
