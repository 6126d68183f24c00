import AnlanRecords
import EvacuationAPI
import EvacuationService
import Testing

/// CAP 1.2 alerts in and out: a department's warning is imported as issued; one that does not validate
/// is refused with the reason, and nothing is recorded.
@Suite struct CAPTests {
    static func alert(identifier: String = "ZJ-QX-2026-0711", msgType: String = "Alert", severity: String = "Extreme",
                      event: String = "台风", geocode: String = "330106", references: String = "",
                      extra: String = "", sent: String = "2026-07-11T08:00:00+08:00") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>\(identifier)</identifier>
          <sender>zjqx@weather.zj.gov.cn</sender>
          <sent>\(sent)</sent>
          <status>Actual</status>
          <msgType>\(msgType)</msgType>
          <scope>Public</scope>\(references.isEmpty ? "" : "\n  <references>\(references)</references>")
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>\(event)</event>
            <urgency>Immediate</urgency>
            <severity>\(severity)</severity>
            <certainty>Likely</certainty>
            <onset>2026-07-11T13:30:00+08:00</onset>
            <expires>2026-07-13T08:00:00+08:00</expires>
            <senderName>浙江省气象台</senderName>
            <headline>台风红色预警</headline>\(extra)
            <area>
              <areaDesc>西湖区</areaDesc>
              <geocode><valueName>GB/T 2260</valueName><value>\(geocode)</value></geocode>
            </area>
          </info>
        </alert>
        """
    }

    @Test func aDepartmentsAlertBecomesAWarningThatMovesPeople() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.person(1, kind: .coastal)
        let warning = try await fixture.evacuation.importCAP(CAPDocument(xml: Self.alert()))
        #expect(warning.id == "ZJ-QX-2026-0711" && warning.level == .red && warning.hazard == .typhoon)
        #expect(warning.leadTimeHours == 6 && warning.regionCodes == ["330106"] && warning.sender == "浙江省气象台")
        #expect(warning.issuerRegion == "330106" && warning.tasksCreated == 1)
        #expect(warning.validToMilliseconds - warning.issuedAtMilliseconds == 48 * 3_600_000)
    }

    @Test(arguments: [
        (alert(severity: "Terrible"), "severity"),
        (alert(event: "沙尘暴"), "event"),
        (alert(geocode: "999999"), "999999"),
        (alert(sent: "2026-07-11T08:00:00Z"), "sent"),
        (alert(identifier: "has space"), "identifier"),
        (alert(msgType: "Cancel"), "references"),
        ("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.1\"></alert>", "namespace"),
        ("<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><alert/>", "DOCTYPE"),
        ("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x", "XML"),
    ])
    func anAlertThatDoesNotValidateIsRefusedWithTheReason(xml: String, reason: String) async throws {
        let fixture = try EvacuationFixture()
        do {
            _ = try await fixture.evacuation.importCAP(CAPDocument(xml: xml))
            Issue.record("accepted: \(reason)")
        } catch let error as RecordServiceError {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains(reason), "\(error.message)")
        }
        #expect(try await fixture.evacuation.warnings(WarningQuery()).records.isEmpty)
    }

    @Test func anExportedWarningReadsBackAsTheSameWarningAndACancelLiftsIt() async throws {
        let fixture = try EvacuationFixture()
        let issued = try await fixture.evacuation.issueWarning(fixture.warning("W-77", level: .orange, hazard: .flashFlood))
        let document = try await fixture.evacuation.exportCAP(id: "W-77")
        #expect(document.xml.contains("<severity>Severe</severity>") && document.xml.contains("<event>山洪</event>"))

        let other = try EvacuationFixture()
        let imported = try await other.evacuation.importCAP(document)
        #expect(imported.id == issued.id && imported.level == issued.level && imported.hazard == issued.hazard)
        #expect(imported.regionCodes == issued.regionCodes && imported.leadTimeHours == issued.leadTimeHours)
        #expect(imported.validToMilliseconds == issued.validToMilliseconds)

        let cancel = Self.alert(identifier: "W-77-cancel", msgType: "Cancel", references: "anlan-330106,W-77,2026-07-11T08:00:00+08:00")
        let lifted = try await other.evacuation.importCAP(CAPDocument(xml: cancel))
        #expect(lifted.id == "W-77" && lifted.status == .lifted)
    }
}
