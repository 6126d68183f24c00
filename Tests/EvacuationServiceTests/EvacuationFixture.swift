import AnlanRecords
import EvacuationAPI
import EvacuationService
import Foundation
import Logging
import Synchronization

/// A 西湖区 (330106) evacuation node on a temporary database, with a clock the test moves.
final class EvacuationFixture: Sendable {
    let directory: URL
    let evacuation: Evacuation
    let clock: TestClock
    static let start: Int64 = 1_782_000_000_000  // 2026-06-21

    init(region: String = "330106") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("evacuation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clock = TestClock(Self.start)
        self.clock = clock
        evacuation = try Evacuation(databasePath: directory.appendingPathComponent("evacuation.sqlite").path, regionCode: region,
                                    logger: Logger(label: "test"), clock: { clock.now })
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func advance(hours: Int64) { clock.advance(hours * 3_600_000) }

    /// A valid national ID number for `n`.
    static func nationalID(_ n: Int) -> String {
        let body = "33010619" + String(format: "%02d", 50 + n % 40) + "0101" + String(format: "%03d", n % 1000)
        return body + String(NationalID.checkCharacter(for: body)!)
    }

    @discardableResult
    func person(_ n: Int, township: String = "330106002000", village: String = "龙井村", kind: RiskZoneKind = .geological,
                needs: [PersonNeed] = [], cadre: String = "王村干") async throws -> CodedPerson {
        try await evacuation.putPerson(CodedPerson(name: "村民\(n)", nationalID: Self.nationalID(n), phone: "1380000\(1000 + n)",
                                                   regionCode: township, village: village, hazardPointIDs: ["HP-\(n)"], riskKind: kind,
                                                   needs: needs, cadre: cadre, cadrePhone: "13900000000"))
    }

    func warning(_ id: String, level: WarningLevel = .red, hazard: WarningHazard = .rainstorm, regions: [String] = ["330106"],
                 issuer: String = "330106", replaces: String = "") -> Warning {
        Warning(id: id, issuerRegion: issuer, regionCodes: regions, hazard: hazard, level: level, leadTimeHours: 6,
                validToMilliseconds: clock.now + 48 * 3_600_000, replaces: replaces, headline: "测试预警")
    }
}

/// Unix milliseconds that a test sets.
final class TestClock: Sendable {
    private let value: Mutex<Int64>
    init(_ start: Int64) { value = Mutex(start) }
    var now: Int64 { value.withLock { $0 } }
    func advance(_ milliseconds: Int64) { value.withLock { $0 += milliseconds } }
}
