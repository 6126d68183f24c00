import AnlanRecords
import EvacuationAPI

/// The CSV columns of coded people and shelters (import and export alike). Lists inside a cell are
/// separated by `;`; enums take the names listed in docs/PROTOCOL.md.
package enum EvacuationCSVFormat {
    static let peopleColumns = ["transfer_code", "name", "national_id", "phone", "region_code", "village", "hazard_points",
                                "risk_kind", "needs", "cadre", "cadre_phone", "shelter_id"]
    static let peopleRequired = ["name", "national_id", "region_code", "risk_kind"]
    static let shelterColumns = ["id", "region_code", "name", "latitude", "longitude", "kind", "capacity", "closed"]
    static let shelterRequired = ["id", "region_code", "name", "latitude", "longitude", "capacity"]

    static func columns(_ kind: EvacuationRecordKind) -> [String] { kind == .people ? peopleColumns : shelterColumns }
    package static func required(_ kind: EvacuationRecordKind) -> [String] { kind == .people ? peopleRequired : shelterRequired }

    package static func person(_ field: (String) -> String) throws -> CodedPerson {
        CodedPerson(
            transferCode: field("transfer_code"), name: field("name"), nationalID: field("national_id"), phone: field("phone"),
            regionCode: field("region_code"), village: field("village"), hazardPointIDs: list(field("hazard_points")),
            riskKind: try RiskZoneKind.parse(field("risk_kind")), needs: try list(field("needs")).map { try PersonNeed.parse($0) },
            cadre: field("cadre"), cadrePhone: field("cadre_phone"), shelterID: field("shelter_id"))
    }

    package static func shelter(_ field: (String) -> String) throws -> Shelter {
        Shelter(
            id: field("id"), regionCode: field("region_code"), name: field("name"),
            latitude: try Double(field("latitude")).orThrow("latitude \"\(field("latitude"))\" is not a number"),
            longitude: try Double(field("longitude")).orThrow("longitude \"\(field("longitude"))\" is not a number"),
            kind: field("kind").isEmpty ? .other : try ShelterKind.parse(field("kind")),
            capacity: try Int64(field("capacity")).orThrow("capacity \"\(field("capacity"))\" is not a whole number"),
            status: field("closed").isEmpty ? .ready : try CSVValue.yesNo(field("closed"), "closed") ? .closed : .ready)
    }

    static func row(_ person: CodedPerson) -> [String] {
        [person.transferCode, person.name, person.nationalID, person.phone, person.regionCode, person.village,
         person.hazardPointIDs.joined(separator: ";"), person.riskKind.name, person.needs.map(\.name).joined(separator: ";"),
         person.cadre, person.cadrePhone, person.shelterID]
    }

    static func row(_ shelter: Shelter) -> [String] {
        [shelter.id, shelter.regionCode, shelter.name, String(shelter.latitude), String(shelter.longitude), shelter.kind.name,
         String(shelter.capacity), shelter.status == .closed ? "yes" : "no"]
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}
