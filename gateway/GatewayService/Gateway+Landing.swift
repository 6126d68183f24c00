import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AviationLandingAPI
import GatewayAPI
import NIOCore

/// Landing points near an incident across node boundaries: this node's own and its subtree's, then,
/// while fewer than asked were found, the neighbours' through the parent — merged by distance. A search
/// within a radius asks only the children whose regions the circle can reach.
extension Gateway {
    static let defaultNearestLimit: UInt32 = 5

    /// The nearest usable landing points to the request's coordinate, widening to the parent's area
    /// when this node's subtree has fewer than `limit`.
    public func nearest(_ request: NearestRequest, deadline: NIODeadline?) async throws -> NearbyPoints {
        let deadline = deadline ?? .now() + defaultBudget
        var request = request
        if request.limit == 0 { request.limit = Self.defaultNearestLimit }
        _ = try validating { try GeoCoordinate(latitude: request.latitude, longitude: request.longitude) }
        let here = try await nearestInSubtree(request, deadline: deadline)
        guard here.points.count < Int(request.limit), let parent = directory.parentGateway() else { return here }
        do {
            let wider = try await parent.call(GatewayMethods.nearest, request, deadline: Self.childDeadline(deadline))
            return Self.merged([here, wider], limit: request.limit)
        } catch {
            // The parent cut off: what this node's area has is still the best answer it can give.
            logger.debug("parent gateway did not answer a nearest search", metadata: ["error": "\(error)"])
            return here
        }
    }

    /// Between gateways: the nearest points within this node's subtree only.
    public func nearestInSubtree(_ request: NearestRequest, deadline: NIODeadline?) async throws -> NearbyPoints {
        let deadline = Self.childDeadline(deadline ?? .now() + defaultBudget)
        var request = request
        if request.limit == 0 { request.limit = Self.defaultNearestLimit }
        // Within a radius, only the children whose places the circle can reach.
        let point = GeoCoordinate(uncheckedLatitude: request.latitude, longitude: request.longitude)
        let children = directory.childGateways().sorted().filter { code in
            request.radiusKilometres <= 0 || childReach[code]?.mayHold(within: request.radiusKilometres, of: point) ?? true
        }
        let search = request
        let parts = await withTaskGroup(of: NearbyPoints?.self) { group in
            if let landing = directory.service(ServiceKind.aviationLandingPoints) {
                group.addTask { try? await landing.call(AviationLandingMethods.nearest, search, deadline: deadline) }
            }
            for code in children {
                guard let gateway = directory.gateway(code) else { continue }
                group.addTask { try? await gateway.call(GatewayMethods.nearestSubtree, search, deadline: deadline) }
            }
            var parts: [NearbyPoints] = []
            for await part in group { if let part { parts.append(part) } }
            return parts
        }
        return Self.merged(parts, limit: request.limit)
    }

    /// The nearest `limit` of all parts' points, each point once.
    static func merged(_ parts: [NearbyPoints], limit: UInt32) -> NearbyPoints {
        var nearest: [String: NearbyPoint] = [:]
        for point in parts.flatMap(\.points) where (nearest[point.point.id]?.distanceKilometres ?? .infinity) > point.distanceKilometres {
            nearest[point.point.id] = point
        }
        let sorted = nearest.values.sorted { ($0.distanceKilometres, $0.point.id) < ($1.distanceKilometres, $1.point.id) }
        return NearbyPoints(points: Array(sorted.prefix(Int(limit))), truncated: sorted.count > Int(limit) || parts.contains(where: \.truncated))
    }
}
