import AnlanRecords

/// How grave an incident is (事件分级, 突发事件应对法): lower numbers are worse.
public enum IncidentSeverity: UInt8, WireEnum {
    /// 特别重大.
    case extraordinary = 1
    /// 重大.
    case major = 2
    /// 较大.
    case large = 3
    /// 一般.
    case ordinary = 4

    public static let kindName = "severity"

    public var name: String {
        switch self {
        case .extraordinary: "extraordinary"
        case .major: "major"
        case .large: "large"
        case .ordinary: "ordinary"
        }
    }

    /// The name people read (Simplified Chinese).
    public var chineseName: String {
        switch self {
        case .extraordinary: "特别重大"
        case .major: "重大"
        case .large: "较大"
        case .ordinary: "一般"
        }
    }
}
