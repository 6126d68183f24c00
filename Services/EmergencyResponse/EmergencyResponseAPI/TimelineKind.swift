import AnlanRecords

/// What a timeline entry records.
public enum TimelineKind: UInt8, WireEnum {
    /// 事件报告.
    case reported = 1
    /// 现场报告 (码上报): new counts or a note from the field.
    case fieldReport = 2
    /// 调度: teams and materials sent.
    case dispatched = 3
    /// 到达: a team arrived.
    case arrived = 4
    /// 状态变更.
    case statusChanged = 5

    public static let kindName = "timeline kind"

    public var name: String {
        switch self {
        case .reported: "reported"
        case .fieldReport: "field-report"
        case .dispatched: "dispatched"
        case .arrived: "arrived"
        case .statusChanged: "status-changed"
        }
    }
}
