import AnlanRPC
import AnlanRecords
import AnlanWire
import AnlanTestSupport
import Foundation
import HazardSurveyAPI
import HazardSurveyService
import Logging

let testToday = CivilDay("2026-11-23")!

var quietLogger: Logger {
    var logger = Logger(label: "hazard-survey-test")
    logger.logLevel = .critical
    return logger
}

/// A survey on a fresh database in a temporary directory, with "today" fixed (or moved by the test).
func withSurvey<T>(region: String = "330106", today: @escaping @Sendable () -> CivilDay = { testToday },
                   reopenAllowed: Bool = true,
                   _ body: (HazardSurvey, String) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { dir in
        let configuration = HazardSurveyConfiguration(reopenAllowed: reopenAllowed, today: today)
        let survey = try HazardSurvey(databasePath: dir + "/hazard.sqlite", regionCode: region,
                                      configuration: configuration, logger: quietLogger)
        return try await body(survey, dir)
    }
}

func hiddenHazard(_ id: String, region: String = "330106002000", tier: UInt8 = 3, discovered: CivilDay = testToday.adding(days: -10),
                  major: Bool = false) -> HiddenHazard {
    HiddenHazard(id: id, regionCode: region, location: "北山街道 宝石山 3号", description: "边坡护栏缺失", category: "边坡稳定",
                 major: major, discoveredOn: discovered, discoveredBy: "检查组A", supervisingTier: tier)
}

func point(_ id: String, region: String = "330106002000", type: HazardType = .landslide, band: UInt8 = 2,
           population: Int64 = 120, transfer: Int64 = 80) -> HazardPoint {
    HazardPoint(id: id, regionCode: region, latitude: 30.26, longitude: 120.14, type: type, band: band,
                populationAtRisk: population, registeredForTransfer: transfer, responsiblePerson: "王伟",
                responsiblePhone: "0571-87000000", surveyedOn: testToday.adding(days: -100), sourceDepartment: "自然资源")
}

/// The code of the `RecordServiceError` `body` throws, or nil if it succeeds.
func status<T>(_ body: () async throws -> T) async -> (RecordServiceError.Code, String)? {
    do {
        _ = try await body()
        return nil
    } catch let error as RecordServiceError {
        return (error.code, error.message)
    } catch {
        return (.internal, "\(error)")
    }
}
