/// A helicopter size class (直升机机型等级), by the overall length with rotors turning (ICAO's "D"). The larger
/// classes need the larger touchdown area; a point accepting a class accepts the smaller ones.
public enum HelicopterClass: UInt8, WireEnum, Comparable {
    /// D up to 13 m (e.g. AS350, Bell 407).
    case light = 1
    /// D up to 17 m (e.g. AW139, H155).
    case medium = 2
    /// D up to 25.4 m (e.g. Mi-171, AC313).
    case heavy = 3

    public static let kindName = "helicopter class"

    public var name: String {
        switch self {
        case .light: "light"
        case .medium: "medium"
        case .heavy: "heavy"
        }
    }

    /// The largest overall length (D, metres) of the class.
    public var overallLength: Double {
        switch self {
        case .light: 13
        case .medium: 17
        case .heavy: 25.4
        }
    }

    public static func < (lhs: HelicopterClass, rhs: HelicopterClass) -> Bool { lhs.rawValue < rhs.rawValue }
}
