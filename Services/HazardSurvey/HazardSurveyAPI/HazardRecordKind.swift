import AnlanRecords

/// The three kinds of record the service keeps, for import and export.
public enum HazardRecordKind: UInt8, WireEnum {
    case points = 1
    case enterprises = 2
    case hiddenHazards = 3

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .points: "points"
        case .enterprises: "enterprises"
        case .hiddenHazards: "hidden-hazards"
        }
    }
}

/// A CSV file of hazard points, enterprises or hidden hazards for `hazard.import`.
public typealias ImportRequest = CSVImportRequest<HazardRecordKind>
/// A subtree's records of one kind for `hazard.export`.
public typealias ExportRequest = CSVExportRequest<HazardRecordKind>
