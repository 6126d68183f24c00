import AnlanRecords

/// Where an incident stands: reported → responding → closed (a false alarm may close from reported).
public enum IncidentStatus: UInt8, WireEnum {
    /// 已报告.
    case reported = 1
    /// 处置中: teams or materials have been sent.
    case responding = 2
    /// 已结束.
    case closed = 3

    public static let kindName = "incident status"

    public var name: String {
        switch self {
        case .reported: "reported"
        case .responding: "responding"
        case .closed: "closed"
        }
    }
}
