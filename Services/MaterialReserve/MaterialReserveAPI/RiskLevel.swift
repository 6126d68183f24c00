import AnlanRecords

/// A county's disaster risk level, which with the tier selects the reserve norms that apply.
public enum RiskLevel: UInt8, WireEnum {
    case high = 1
    case medium = 2
    case low = 3

    public static let kindName = "risk level"

    public var name: String {
        switch self {
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        }
    }
}
