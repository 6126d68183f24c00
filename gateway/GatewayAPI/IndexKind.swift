import AnlanRecords

/// The two published control-power indices (管控力指数).
public enum IndexKind: UInt8, WireEnum {
    /// 安全生产管控力指数: work safety, published monthly.
    case workSafety = 1
    /// 自然灾害管控力指数: natural disasters (flood and typhoon), published monthly and live during a
    /// response.
    case naturalDisaster = 2

    public static let kindName = "index kind"

    public var name: String {
        switch self {
        case .workSafety: "work-safety"
        case .naturalDisaster: "natural-disaster"
        }
    }

    /// As the published tables call it.
    public var chineseName: String {
        switch self {
        case .workSafety: "安全生产管控力指数"
        case .naturalDisaster: "自然灾害管控力指数"
        }
    }
}
