import AnlanRecords

/// The kinds of record an emergency-response node imports and exports as CSV.
public enum EmergencyRecordKind: UInt8, WireEnum {
    /// 救援队伍.
    case teams = 1
    /// 装备目录: the equipment catalogue.
    case equipment = 2

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .teams: "teams"
        case .equipment: "equipment"
        }
    }
}

/// A CSV file of teams or equipment kinds, whole, in one request.
public typealias EmergencyImportRequest = CSVImportRequest<EmergencyRecordKind>
/// Asks for a region's teams (or the catalogue) as CSV chunks.
public typealias EmergencyExportRequest = CSVExportRequest<EmergencyRecordKind>
