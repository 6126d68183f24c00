import AnlanRPC
import AnlanRecords
import AnlanTestSupport
import AnlanWire
import AviationLandingAPI
import Foundation
import Testing

/// The `aviation-landing-points` executable as a real process: the shipped set imported by the CLI,
/// searched over the wire, and an acknowledged write surviving `kill -9`.
@Suite(.timeLimit(.minutes(1)), .serialized) struct LandingProcessTests {
    @Test func shippedSetOverTheWireAndKill9() async throws {
        try await withTemporaryDirectory { dir in
            let database = dir + "/landing.sqlite"
            let importer = try await ProgramRun.run(try NodeProcess.locate("aviation-landing-points"),
                                                    ["import", "--database", database, "--region", "330000", "--shipped"])
            #expect(importer.status == 0)

            let first = try NodeProcess("aviation-landing-points", ["--region", "330000", "--database", database], directory: dir, name: "a")
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await first.port()))
            // From 西湖区's seat: 笕桥 (Jianqiao, 30.3353, 120.240997) is the nearest site; Δφ 8.18 km, Δλ 11.10 km: 13.79 km.
            let near = try await client.call(AviationLandingMethods.nearest, NearestRequest(latitude: 30.261749, longitude: 120.125425, limit: 2))
            #expect(near.points.first?.point.id == "CN-0153")
            #expect(abs((near.points.first?.distanceKilometres ?? 0) - 13.79) < 0.05)
            let stored = try await client.call(AviationLandingMethods.putPoint, LandingPoint(
                id: "XH-TF-01", name: "之江临时起降点", regionCode: "330106011000", latitude: 30.17, longitude: 120.06, kind: .temporaryField,
                lengthMetres: 40, widthMetres: 40, surface: .grass, slopePercent: 2, obstacleHeightMetres: 0.2, groundMarking: true,
                largestClass: .medium, yearBuilt: 2026))
            #expect(stored.failedRules == [])
            do {
                _ = try await client.call(AviationLandingMethods.putPoint, LandingPoint(id: "BAD", name: "x", regionCode: "999999"))
                Issue.record("accepted an unknown region")
            } catch let error as RPCError {
                #expect(error.status == .invalidArgument)
            }
            await client.close()
            await first.stop(signal: SIGKILL)

            let second = try NodeProcess("aviation-landing-points", ["--region", "330000", "--database", database], directory: dir, name: "b")
            let again = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await second.port()))
            let nearest = try await again.call(AviationLandingMethods.nearest, NearestRequest(latitude: 30.17, longitude: 120.06, limit: 1))
            #expect(nearest.points.map(\.point.id) == ["XH-TF-01"])
            let stats = try await again.call(AviationLandingMethods.statistics, CoverageRequest())
            #expect(stats.points == 23 && stats.compliantPoints == 1 && stats.townships == 1359)
            await again.close()
            await second.stop(signal: SIGTERM)
        }
    }
}
