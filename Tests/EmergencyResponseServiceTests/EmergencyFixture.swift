import AnlanRecords
import EmergencyResponseAPI
import EmergencyResponseService
import Foundation
import Logging

/// A 西湖区 (330106) emergency-response node on a temporary database, with a clock the test moves.
final class EmergencyFixture: Sendable {
    let directory: URL
    let response: EmergencyResponse
    let clock: TestClock
    static let start: Int64 = 1_782_000_000_000  // 2026-06-21

    init(region: String = "330106") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("emergency-response-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clock = TestClock(Self.start)
        self.clock = clock
        response = try EmergencyResponse(databasePath: directory.appendingPathComponent("emergency-response.sqlite").path,
                                         regionCode: region, logger: Logger(label: "test"), clock: { clock.now })
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func advance(minutes: Int64) { clock.advance(minutes * 60_000) }

    /// A team based in 北山街道 unless told otherwise.
    static func team(_ id: String, kind: TeamKind = .social, specialties: [Specialty] = [.floodWater], headcount: Int64 = 20,
                     latitude: Double = 30.26, longitude: Double = 120.14, region: String = "330106002000",
                     equipment: [EquipmentCount] = [EquipmentCount(code: "assault-boat", count: 2)],
                     helicopterClass: HelicopterClass? = nil, readiness: Readiness = .standby) -> RescueTeam {
        RescueTeam(id: id, name: "救援队\(id)", kind: kind, specialties: specialties, headcount: headcount, equipment: equipment,
                   latitude: latitude, longitude: longitude, regionCode: region, readiness: readiness, contact: "王队长",
                   phone: "13800000000", helicopterClass: helicopterClass)
    }

    @discardableResult
    func putTeam(_ id: String, kind: TeamKind = .social, specialties: [Specialty] = [.floodWater], headcount: Int64 = 20,
                 latitude: Double = 30.26, longitude: Double = 120.14, region: String = "330106002000") async throws -> RescueTeam {
        try await response.putTeam(Self.team(id, kind: kind, specialties: specialties, headcount: headcount, latitude: latitude,
                                             longitude: longitude, region: region))
    }

    /// A landslide in 北山街道 reported now.
    @discardableResult
    func report(title: String = "北山街道山体滑坡", region: String = "330106002000", level: ResponseLevel = .three,
                key: String = "", affected: Int64 = 10) async throws -> Incident {
        try await response.reportIncident(Incident(kind: .landslide, title: title, latitude: 30.26, longitude: 120.14, regionCode: region,
                                                   severity: .large, responseLevel: level, affected: affected, reporter: "北山街道办",
                                                   reportKey: key))
    }
}

/// The code of the `RecordServiceError` `body` throws, or nil when it succeeds (or throws anything else).
func refusal(_ body: () async throws -> Void) async -> RecordServiceError.Code? {
    do {
        try await body()
        return nil
    } catch let error as RecordServiceError {
        return error.code
    } catch {
        return nil
    }
}

/// The message of the `RecordServiceError` `body` throws ("" when it does not).
func refusalMessage(_ body: () async throws -> Void) async -> String {
    do {
        try await body()
        return ""
    } catch let error as RecordServiceError {
        return error.message
    } catch {
        return ""
    }
}
