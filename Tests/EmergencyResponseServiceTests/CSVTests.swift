import AnlanRecords
import EmergencyResponseAPI
import EmergencyResponseService
import Testing

/// CSV imports report each bad row by line, keep the good ones and change nothing when repeated;
/// exports give back what was imported.
@Suite struct CSVTests {
    static let teams = """
        id,name,kind,specialties,headcount,equipment,latitude,longitude,region_code,readiness,contact,phone,helicopter_class
        T-1,北山蓝天救援队,social,flood-water;medical,25,assault-boat:2;pump:3,30.26,120.14,330106002000,,王队长,13800000001,
        T-2,坏队,social,swimming,25,,30.26,120.14,330106002000,,,,
        T-3,西湖区消防救援大队,fire-rescue,flood-water;mountain-collapse,60,fire-truck:8,30.25,120.12,330106,resting,李队长,13800000003,
        T-4,外区队,social,medical,10,,30.26,120.14,330102,,,,
        T-5,航空队,aviation,medical,10,helicopter:2,30.26,120.14,330106,,,,

        """

    @Test func badRowsAreReportedByLineAndTheGoodOnesKept() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        let report = try await r.importCSV(.teams, bytes: Array(Self.teams.utf8), source: "teams.csv")
        #expect(report.rows == 5 && report.inserted == 2 && report.rejected.map(\.line) == [3, 5, 6])
        #expect(report.rejected[0].reason.hasPrefix("unknown specialty \"swimming\" (expected one of: flood-water, "))
        #expect(report.rejected[2].reason.contains("helicopter class"))
        let t1 = try await r.team(id: "T-1")
        #expect(t1.specialties == [.floodWater, .medical] && t1.readiness == .standby && t1.commandingNode == "330106"
            && t1.equipment == [EquipmentCount(code: "assault-boat", count: 2), EquipmentCount(code: "pump", count: 3)])
        #expect(try await r.team(id: "T-3").readiness == .resting)

        let again = try await r.importCSV(.teams, bytes: Array(Self.teams.utf8), source: "teams.csv")
        #expect(again.rows == 5 && again.unchanged == 2 && again.inserted == 0 && again.updated == 0 && again.rejected.count == 3)
        #expect(try await r.teams(TeamQuery()).records.map(\.id) == ["T-1", "T-3"])
    }

    @Test func aRepeatedIdInOneFileIsRefusedOnItsSecondLine() async throws {
        let fixture = try EmergencyFixture()
        let csv = "id,name,kind,specialties,headcount,latitude,longitude,region_code\n"
            + "T-1,甲,social,medical,10,30.26,120.14,330106\nT-1,乙,social,medical,10,30.26,120.14,330106\n"
        let report = try await fixture.response.importCSV(.teams, bytes: Array(csv.utf8), source: "t.csv")
        #expect(report.inserted == 1 && report.rejected.map(\.line) == [3])
        #expect(await refusal { _ = try await fixture.response.importCSV(.teams, bytes: Array("id,name\n".utf8), source: "t.csv") }
            == .invalidArgument)
    }

    @Test func equipmentKindsImportAndBothKindsExport() async throws {
        let fixture = try EmergencyFixture()
        let r = fixture.response
        let catalogue = "code,name,unit\nhovercraft,气垫船,艘\npump,排涝泵,台\n,无代码,台\n"
        let report = try await r.importCSV(.equipment, bytes: Array(catalogue.utf8), source: "equipment.csv")
        #expect(report.inserted == 1 && report.unchanged == 1 && report.rejected.map(\.line) == [4])
        _ = try await r.importCSV(.teams, bytes: Array(CSVTests.teams.utf8), source: "teams.csv")

        var exported = ""
        try await r.exportCSV(.teams, regionCode: "", rowsPerChunk: 1) { exported += $0.text }
        let lines = exported.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("id,name,kind,specialties") && lines[1].hasPrefix("T-1,北山蓝天救援队,social,flood-water;medical,25,assault-boat:2;pump:3"))
        let fresh = try EmergencyFixture()
        let reimported = try await fresh.response.importCSV(.teams, bytes: Array(exported.utf8), source: "export")
        #expect(reimported.inserted == 2 && reimported.rejected.isEmpty)
        #expect(try await fresh.response.team(id: "T-3") == (try await r.team(id: "T-3")))

        var equipment = ""
        try await r.exportCSV(.equipment, regionCode: "", rowsPerChunk: 5000) { equipment += $0.text }
        #expect(equipment.split(separator: "\n").count == 15 && equipment.contains("hovercraft,气垫船,艘"))
    }
}
