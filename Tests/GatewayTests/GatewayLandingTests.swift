import AnlanRPC
import AnlanTestSupport
import AviationLandingAPI
import Foundation
import GatewayAPI
import Testing

/// Landing points near an incident, across node boundaries, on real processes.
@Suite(.timeLimit(.minutes(2)), .serialized) struct GatewayLandingTests {
    /// 西湖区 has no landing points of its own: its gateway widens to 杭州市 (which finds 余杭区's) and
    /// then to the province (which holds its own), and merges them by distance.
    @Test func nearestWidensThroughTheParentsAndMergesByDistance() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir)
            try await mesh.startLanding("330000", points: [("ZJ-HZ", "330106", 30.27, 120.15), ("ZJ-NB", "330212", 29.82, 121.55)])
            try await mesh.startLanding("330110", points: [("YH-1", "330110005000", 30.27, 120.03)])
            let county = try await mesh.client(gatewayOf: "330106")
            let request = NearestRequest(latitude: 30.26, longitude: 120.12, limit: 3)
            var found = try await county.call(GatewayMethods.nearest, request)
            for _ in 0..<100 where found.points.count < 3 {
                try await Task.sleep(for: .milliseconds(100))
                found = try await county.call(GatewayMethods.nearest, request)
            }
            #expect(found.points.map(\.point.id) == ["ZJ-HZ", "YH-1", "ZJ-NB"])
            #expect(found.points.map(\.distanceKilometres) == found.points.map(\.distanceKilometres).sorted())
            // Within 杭州市's own area only 余杭区's point; the province's limit-1 answer is its nearest.
            let city = try await mesh.client(gatewayOf: "330100")
            #expect(try await city.call(GatewayMethods.nearestSubtree, request).points.map(\.point.id) == ["YH-1"])
            let province = try await mesh.client(gatewayOf: "330000")
            #expect(try await province.call(GatewayMethods.nearest, NearestRequest(latitude: 30.26, longitude: 120.12, limit: 1))
                .points.map(\.point.id) == ["ZJ-HZ"])
            await mesh.close()
        }
    }
}
