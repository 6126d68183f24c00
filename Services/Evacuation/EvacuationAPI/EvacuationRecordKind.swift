import AnlanRecords

/// The kinds of record an evacuation node imports and exports as CSV.
public enum EvacuationRecordKind: UInt8, WireEnum {
    /// 转移人员: coded people.
    case people = 1
    /// 避灾安置场所.
    case shelters = 2

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .people: "people"
        case .shelters: "shelters"
        }
    }
}

/// A CSV file of evacuation records, whole, in one request.
public typealias EvacuationImportRequest = CSVImportRequest<EvacuationRecordKind>
/// Asks for a region's evacuation records as CSV chunks.
public typealias EvacuationExportRequest = CSVExportRequest<EvacuationRecordKind>
