import AnlanRecords

/// Where a shelter stands during an emergency.
public enum ShelterStatus: UInt8, WireEnum {
    /// 待启用: inspected and ready to open.
    case ready = 1
    /// 已启用: taking people in.
    case open = 2
    /// 已满: at or over capacity (arrivals are still recorded, and flagged).
    case full = 3
    /// 关闭: not usable (damaged, flooded, or stood down).
    case closed = 4

    public static let kindName = "shelter status"

    public var name: String {
        switch self {
        case .ready: "ready"
        case .open: "open"
        case .full: "full"
        case .closed: "closed"
        }
    }
}
