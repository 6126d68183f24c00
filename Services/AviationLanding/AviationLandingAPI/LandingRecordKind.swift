import AnlanRecords

/// What a landing-points CSV file holds: the register's own columns (`points`), or an OurAirports
/// export (`ourairports`, import only; see docs/PROTOCOL.md for the mapping).
public enum LandingRecordKind: UInt8, WireEnum {
    case points = 1
    case ourAirports = 2

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .points: "points"
        case .ourAirports: "ourairports"
        }
    }
}
