import AnlanRecords

/// An enterprise's safety risk grade in the four colours (四色): red is the worst.
///
/// Raw values order from worst to least, so a region's colour is the minimum grade of its enterprises.
public enum RiskGrade: UInt8, WireEnum, Comparable {
    case red = 1     // 重大风险 major
    case orange = 2  // 较大风险 significant
    case yellow = 3  // 一般风险 general
    case blue = 4    // 低风险 low

    public static let kindName = "risk grade"

    public var name: String {
        switch self {
        case .red: "red"
        case .orange: "orange"
        case .yellow: "yellow"
        case .blue: "blue"
        }
    }

    /// Worse grades sort first: `.red < .blue`.
    public static func < (lhs: RiskGrade, rhs: RiskGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}
