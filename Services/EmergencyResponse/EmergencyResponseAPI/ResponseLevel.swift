import AnlanRecords

/// The emergency response the government starts (应急响应级别), I the highest. It sets how many
/// teams a proposal asks for when the caller does not say (`defaultTeams`).
public enum ResponseLevel: UInt8, WireEnum, Comparable {
    /// Ⅰ级响应.
    case one = 1
    /// Ⅱ级响应.
    case two = 2
    /// Ⅲ级响应.
    case three = 3
    /// Ⅳ级响应.
    case four = 4

    public static let kindName = "response level"

    public var name: String {
        switch self {
        case .one: "I"
        case .two: "II"
        case .three: "III"
        case .four: "IV"
        }
    }

    /// The name people read (Simplified Chinese).
    public var chineseName: String {
        switch self {
        case .one: "Ⅰ级"
        case .two: "Ⅱ级"
        case .three: "Ⅲ级"
        case .four: "Ⅳ级"
        }
    }

    /// Teams a proposal sends at this level unless asked for another number.
    public var defaultTeams: Int {
        switch self {
        case .one: 8
        case .two: 5
        case .three: 3
        case .four: 2
        }
    }

    public static func < (lhs: ResponseLevel, rhs: ResponseLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
