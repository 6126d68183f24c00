import AnlanRecords

/// A warning's level (预警级别), the colours of the national warning system; lower numbers are worse.
public enum WarningLevel: UInt8, WireEnum {
    /// 红色 (I级).
    case red = 1
    /// 橙色 (II级).
    case orange = 2
    /// 黄色 (III级).
    case yellow = 3
    /// 蓝色 (IV级).
    case blue = 4

    public static let kindName = "warning level"

    public var name: String {
        switch self {
        case .red: "red"
        case .orange: "orange"
        case .yellow: "yellow"
        case .blue: "blue"
        }
    }
}
