import AnlanRecords
import EmergencyResponseAPI

/// The CSV columns of teams and of the equipment catalogue (import and export alike). Specialties
/// are `;`-separated names; equipment is `code:count;code:count`; enums take the names listed in
/// docs/PROTOCOL.md.
package enum EmergencyCSVFormat {
    static let teamColumns = ["id", "name", "kind", "specialties", "headcount", "equipment", "latitude", "longitude", "region_code",
                              "readiness", "contact", "phone", "helicopter_class"]
    static let teamRequired = ["id", "name", "kind", "specialties", "headcount", "latitude", "longitude", "region_code"]
    static let equipmentColumns = ["code", "name", "unit"]
    static let equipmentRequired = ["code", "name"]

    static func columns(_ kind: EmergencyRecordKind) -> [String] { kind == .teams ? teamColumns : equipmentColumns }
    package static func required(_ kind: EmergencyRecordKind) -> [String] { kind == .teams ? teamRequired : equipmentRequired }

    package static func team(_ field: (String) -> String) throws -> RescueTeam {
        RescueTeam(
            id: field("id"), name: field("name"), kind: try TeamKind.parse(field("kind")),
            specialties: try list(field("specialties")).map { try Specialty.parse($0) },
            headcount: try Int64(field("headcount")).orThrow("headcount \"\(field("headcount"))\" is not a whole number"),
            equipment: try list(field("equipment")).map(equipmentCount),
            latitude: try Double(field("latitude")).orThrow("latitude \"\(field("latitude"))\" is not a number"),
            longitude: try Double(field("longitude")).orThrow("longitude \"\(field("longitude"))\" is not a number"),
            regionCode: field("region_code"),
            readiness: field("readiness").isEmpty ? .standby : try Readiness.parse(field("readiness")),
            contact: field("contact"), phone: field("phone"),
            helicopterClass: field("helicopter_class").isEmpty ? nil : try HelicopterClass.parse(field("helicopter_class")))
    }

    package static func equipment(_ field: (String) -> String) -> EquipmentItem {
        EquipmentItem(code: field("code"), name: field("name"), unit: field("unit"))
    }

    static func row(_ team: RescueTeam) -> [String] {
        [team.id, team.name, team.kind.name, team.specialties.map(\.name).joined(separator: ";"), String(team.headcount),
         team.equipment.map { "\($0.code):\($0.count)" }.joined(separator: ";"), String(team.latitude), String(team.longitude),
         team.regionCode, team.readiness.name, team.contact, team.phone, team.helicopterClass?.name ?? ""]
    }

    static func row(_ item: EquipmentItem) -> [String] { [item.code, item.name, item.unit] }

    /// `code:count`.
    static func equipmentCount(_ text: String) throws(InvalidRecord) -> EquipmentCount {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int64(String(parts[1]).trimmed) else {
            throw InvalidRecord("equipment \"\(text)\" is not code:count")
        }
        return EquipmentCount(code: String(parts[0]).trimmed, count: count)
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}
