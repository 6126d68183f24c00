import AnlanRecords
import AnlanRegions
import Foundation
import HazardSurveyAPI

/// The CSV columns of each record kind, and how a row becomes a record (and back).
///
/// Enum columns take the names listed in docs/PROTOCOL.md (or their numbers); booleans take
/// `yes/no`, `true/false`, `1/0` or `是/否`; days are `YYYY-MM-DD`. Export writes the same columns, plus
/// for hidden hazards the node's derived ones (`state`, `deadline`, `closed_on`), which import ignores.
package enum HazardCSVFormat {
    static let pointColumns = ["id", "region", "lat", "lon", "type", "band", "population", "transfer",
                               "responsible", "phone", "surveyed_on", "department"]
    static let pointRequired = Array(pointColumns.prefix(9))

    static let enterpriseColumns = ["id", "name", "credit_code", "region", "sector", "major_hazard_source", "grade"]
    static let enterpriseRequired = enterpriseColumns

    static let hiddenColumns = ["id", "region", "enterprise_id", "location", "description", "category", "major",
                                "discovered_on", "discovered_by", "supervising_tier", "listed"]
    static let hiddenRequired = ["id", "description", "discovered_on", "discovered_by", "supervising_tier"]
    static let hiddenDerivedColumns = ["state", "deadline", "closed_on"]

    package static func columns(_ kind: HazardRecordKind) -> [String] {
        switch kind {
        case .points: pointColumns
        case .enterprises: enterpriseColumns
        case .hiddenHazards: hiddenColumns + hiddenDerivedColumns
        }
    }

    package static func required(_ kind: HazardRecordKind) -> [String] {
        switch kind {
        case .points: pointRequired
        case .enterprises: enterpriseRequired
        case .hiddenHazards: hiddenRequired
        }
    }

    // MARK: Fields

    static func double(_ text: String, _ column: String) throws(InvalidRecord) -> Double {
        guard let value = Double(text.trimmed), value.isFinite else {
            throw InvalidRecord("\(column): \"\(text)\" is not a number")
        }
        return value
    }

    static func integer(_ text: String, _ column: String) throws(InvalidRecord) -> Int64 {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return 0 }
        guard let value = Int64(trimmed) else { throw InvalidRecord("\(column): \"\(text)\" is not a whole number") }
        return value
    }


    static func day(_ text: String, _ column: String) throws(InvalidRecord) -> CivilDay? {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return nil }
        guard let day = CivilDay(trimmed) else { throw InvalidRecord("\(column): \"\(text)\" is not a YYYY-MM-DD date") }
        return day
    }

    static func band(_ text: String, names: [String]) throws(InvalidRecord) -> UInt8 {
        let trimmed = text.trimmed
        if let index = names.firstIndex(of: trimmed) { return UInt8(index + 1) }
        guard let band = UInt8(trimmed) else {
            throw InvalidRecord("band: \"\(text)\" is neither a band number nor one of \(names.joined(separator: ", "))")
        }
        return band
    }

    static func tier(_ text: String) throws(InvalidRecord) -> UInt8 {
        let trimmed = text.trimmed
        if let tier = Tier(name: trimmed.lowercased()) { return tier.rawValue }
        if let raw = UInt8(trimmed), Tier(rawValue: raw) != nil { return raw }
        throw InvalidRecord("supervising_tier: \"\(text)\" is not province, city, county or township")
    }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}

/// The positions of one kind's columns in a file, resolved once from its header.
package struct HazardCSVColumns {
    let indices: [Int?]

    package init(_ header: CSVHeader, _ columns: [String]) {
        indices = columns.map { header.index(of: $0) }
    }

    subscript(_ record: CSVRecord, _ column: Int) -> String { record.field(indices[column]) }
}

extension HazardCSVFormat {
    /// Hazard types by CSV name: one hash lookup per row on the import path.
    static let hazardTypes = Dictionary(uniqueKeysWithValues: HazardType.allCases.map { ($0.name, $0) })

    package static func point(_ record: CSVRecord, _ c: HazardCSVColumns, bands: [String]) throws(InvalidRecord) -> HazardPoint {
        let typeName = c[record, 4].trimmed
        let type: HazardType
        if let known = hazardTypes[typeName] { type = known } else { type = try HazardType.parse(typeName) }
        return HazardPoint(
            id: c[record, 0], regionCode: c[record, 1], latitude: try double(c[record, 2], "lat"),
            longitude: try double(c[record, 3], "lon"), type: type,
            band: try band(c[record, 5], names: bands), populationAtRisk: try integer(c[record, 6], "population"),
            registeredForTransfer: try integer(c[record, 7], "transfer"), responsiblePerson: c[record, 8],
            responsiblePhone: c[record, 9], surveyedOn: try day(c[record, 10], "surveyed_on"), sourceDepartment: c[record, 11])
    }

    static func row(_ p: HazardPoint) -> [String] {
        [p.id, p.regionCode, String(p.latitude), String(p.longitude), p.type.name, String(p.band), String(p.populationAtRisk),
         String(p.registeredForTransfer), p.responsiblePerson, p.responsiblePhone, p.surveyedOn?.description ?? "",
         p.sourceDepartment]
    }

    package static func enterprise(_ record: CSVRecord, _ c: HazardCSVColumns) throws(InvalidRecord) -> Enterprise {
        Enterprise(
            id: c[record, 0], name: c[record, 1], creditCode: c[record, 2], regionCode: c[record, 3],
            sector: try IndustrySector.parse(c[record, 4].trimmed),
            majorHazardSource: try CSVValue.yesNo(c[record, 5], "major_hazard_source"),
            grade: try RiskGrade.parse(c[record, 6].trimmed))
    }

    static func row(_ e: Enterprise) -> [String] {
        [e.id, e.name, e.creditCode, e.regionCode, e.sector.name, yesNo(e.majorHazardSource), e.grade.name]
    }

    package static func hidden(_ record: CSVRecord, _ c: HazardCSVColumns) throws(InvalidRecord) -> HiddenHazard {
        HiddenHazard(
            id: c[record, 0], regionCode: c[record, 1], enterpriseID: c[record, 2], location: c[record, 3],
            description: c[record, 4], category: c[record, 5], major: try CSVValue.yesNo(c[record, 6], "major"),
            discoveredOn: try day(c[record, 7], "discovered_on"), discoveredBy: c[record, 8],
            supervisingTier: try tier(c[record, 9]), listed: try CSVValue.yesNo(c[record, 10], "listed"))
    }

    static func row(_ h: HiddenHazard) -> [String] {
        [h.id, h.regionCode, h.enterpriseID, h.location, h.description, h.category, yesNo(h.major),
         h.discoveredOn?.description ?? "", h.discoveredBy, Tier(rawValue: h.supervisingTier)?.name ?? "", yesNo(h.listed),
         h.state.name, h.deadline?.description ?? "", h.closedOn?.description ?? ""]
    }
}
