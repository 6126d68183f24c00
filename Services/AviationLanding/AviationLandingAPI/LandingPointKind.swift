import AnlanRecords

/// What a landing point is (起降点类型).
public enum LandingPointKind: UInt8, WireEnum {
    case heliport = 1
    case hospitalHelipad = 2
    case motorwayServiceArea = 3
    case temporaryField = 4
    case other = 5

    public static let kindName = "landing point kind"

    public var name: String {
        switch self {
        case .heliport: "heliport"
        case .hospitalHelipad: "hospital-helipad"
        case .motorwayServiceArea: "motorway-service-area"
        case .temporaryField: "temporary-field"
        case .other: "other"
        }
    }
}
