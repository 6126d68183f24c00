import AnlanRecords

/// What a training-records CSV file holds.
public enum TrainingRecordKind: UInt8, WireEnum {
    /// `id,name,national_id,role,region,village,employer,high_risk,joined_on`
    case people = 1
    /// `person_id,session_id,hours,score`
    case attendance = 2

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .people: "people"
        case .attendance: "attendance"
        }
    }
}

/// A CSV file of people or attendance for `training.import`.
public typealias TrainingImportRequest = CSVImportRequest<TrainingRecordKind>
