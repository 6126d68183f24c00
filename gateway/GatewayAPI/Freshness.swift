import AnlanRecords

/// How a part of a gateway's answer was obtained: asked just now, taken from the last good answer
/// kept for a child that did not reply in time, or not there at all.
public enum Freshness: UInt8, WireEnum {
    case fresh = 1
    case stale = 2
    case missing = 3

    public static let kindName = "freshness"

    public var name: String {
        switch self {
        case .fresh: "fresh"
        case .stale: "stale"
        case .missing: "missing"
        }
    }
}
