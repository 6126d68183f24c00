import AnlanRecords

/// The touchdown area's surface. Concrete and asphalt are prepared surfaces; the rest are field surfaces.
public enum LandingSurface: UInt8, WireEnum {
    case concrete = 1
    case asphalt = 2
    case compactedEarth = 3
    case grass = 4
    case other = 5

    public static let kindName = "surface"

    public var name: String {
        switch self {
        case .concrete: "concrete"
        case .asphalt: "asphalt"
        case .compactedEarth: "compacted-earth"
        case .grass: "grass"
        case .other: "other"
        }
    }
}

extension LandingSurface {
    /// Concrete or asphalt: built, so held to the prepared-surface slope limit.
    public var isPrepared: Bool { self == .concrete || self == .asphalt }
}
