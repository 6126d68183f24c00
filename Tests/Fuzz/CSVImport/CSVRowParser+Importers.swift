import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import AviationLandingService
import EmergencyResponseAPI
import EmergencyResponseService
import EvacuationAPI
import EvacuationService
import HazardSurveyAPI
import HazardSurveyService
import MaterialReserveAPI
import MaterialReserveService
import TrainingRecordsAPI
import TrainingRecordsService

extension CSVRowParser {
    /// Every kind of every service's CSV import. Each list is built from the kind's `allCases` and an
    /// exhaustive switch, so a new kind of record does not compile until it is fuzzed too.
    static let all: [CSVRowParser] = hazardSurvey + materialReserve + aviationLanding + trainingRecords + evacuation + emergencyResponse

    /// The province: every region code in Zhejiang is inside the node.
    private static let tree = RegionTree.zhejiang
    private static let scope = NodeScope(region: tree.root, tree: tree)

    private static let hazardSurvey = HazardRecordKind.allCases.map { kind in
        let validator = HazardValidator(tree: tree, scope: tree.root, configuration: .defaults)
        let bands = HazardSurveyConfiguration.defaults.riskBands
        return byColumn("hazard-survey/\(kind.name)", required: HazardCSVFormat.required(kind),
                        columns: { HazardCSVColumns($0, HazardCSVFormat.columns(kind)) }) { record, columns in
            switch kind {
            case .points: _ = try validator.point(try HazardCSVFormat.point(record, columns, bands: bands))
            case .enterprises: _ = try validator.enterprise(try HazardCSVFormat.enterprise(record, columns))
            case .hiddenHazards: _ = try validator.hiddenHazard(try HazardCSVFormat.hidden(record, columns))
            }
        }
    }

    private static let materialReserve = ReserveRecordKind.allCases.map { kind in
        byColumn("material-reserve/\(kind.name)", required: MaterialReserve.required(kind),
                 columns: { header in MaterialReserve.columns(of: kind).map { header.index(of: $0) } }) { record, positions in
            func field(_ n: Int) -> String { record.field(positions[n]).trimmed }
            switch kind {
            case .storagePoints: _ = try MaterialReserve.point(field, scope: scope)
            case .stock: _ = try MaterialReserve.stockCount(field)
            case .regionProfiles: _ = try MaterialReserve.validated(MaterialReserve.profile(field), tree: tree, node: tree.root)
            }
        }
    }

    private static let aviationLanding = LandingRecordKind.allCases.map { kind in
        switch kind {
        case .points:
            byName("aviation-landing-points/\(kind.name)", required: LandingCSVFormat.required) { try LandingCSVFormat.point($0.field).id }
        case .ourAirports:
            byName("aviation-landing-points/\(kind.name)", required: LandingCSVFormat.ourAirportsRequired) {
                try LandingCSVFormat.ourAirportsPoint($0.field).id
            }
        }
    }

    private static let trainingRecords = TrainingRecordKind.allCases.map { kind in
        byColumn("training-records/\(kind.name)", required: TrainingRecords.required(kind),
                 columns: { header in TrainingRecords.columns(kind).map { header.index(of: $0) } }) { record, positions in
            func field(_ n: Int) -> String { record.field(positions[n]).trimmed }
            switch kind {
            case .people: _ = try TrainingRecords.person(field)
            case .attendance: _ = try TrainingRecords.attendance(field)
            }
        }
    }

    private static let evacuation = EvacuationRecordKind.allCases.map { kind in
        byName("evacuation/\(kind.name)", required: EvacuationCSVFormat.required(kind)) { row in
            switch kind {
            case .people: try EvacuationCSVFormat.person(row.field).transferCode
            case .shelters: try EvacuationCSVFormat.shelter(row.field).id
            }
        }
    }

    private static let emergencyResponse = EmergencyRecordKind.allCases.map { kind in
        byName("emergency-response/\(kind.name)", required: EmergencyCSVFormat.required(kind)) { row in
            switch kind {
            case .teams: try EmergencyCSVFormat.team(row.field).id
            case .equipment: EmergencyCSVFormat.equipment(row.field).code
            }
        }
    }
}
