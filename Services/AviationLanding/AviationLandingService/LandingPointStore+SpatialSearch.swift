import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import Foundation
import AnlanStorage
import GRDB

extension LandingPointStore {
    /// Nearest-first search over the R*Tree inside one read transaction.
    ///
    /// SQLite's R*Tree answers boxes, not "nearest": the search asks for the box around a circle of
    /// radius r and keeps the candidates within r (the box holds every point of the circle). When fewer
    /// than k are within r it widens r and asks again; once k are within r, no point outside r can be
    /// nearer, so the k nearest of them are the answer.
    struct SpatialSearch {
        private let box: RawStatement
        /// The least class accepted (1 = any); usable statuses are written into the statement.
        private let minimumClass: HelicopterClass

        /// One candidate: its row id in `landing_point` and its distance, kilometres.
        struct Hit {
            let seq: Int64
            let distance: Double
        }

        init(_ db: Database, statuses: [LandingPointStatus], minimumClass: HelicopterClass?) throws {
            self.minimumClass = minimumClass ?? .light
            // Statuses are a closed set of small numbers: written into the statement, filtered by SQLite.
            box = try RawStatement(db, sql: """
                SELECT seq, lat, lon FROM landing_point_rtree
                WHERE min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ? AND class >= ?
                    AND status IN (\(statuses.map { String($0.rawValue) }.joined(separator: ", ")))
                """)
        }

        /// Calls `each` with every usable point in a box and its exact coordinates.
        private func scan(south: Double, north: Double, west: Double, east: Double, _ each: (Int64, GeoCoordinate) -> Void) throws {
            box.reset()
            box.bind(1, north)
            box.bind(2, south)
            box.bind(3, east)
            box.bind(4, west)
            box.bind(5, Int64(minimumClass.rawValue))
            while try box.step() {
                each(box.int64(0), GeoCoordinate(uncheckedLatitude: box.double(1), longitude: box.double(2)))
            }
        }

        /// The usable points within `radius` km of `centre`, nearest first.
        func within(_ radius: Double, of centre: GeoCoordinate) throws -> [Hit] {
            var hits: [Hit] = []
            for (south, north, west, east) in Self.boxes(around: centre, radius: radius) {
                try scan(south: south, north: north, west: west, east: east) { seq, place in
                    let distance = centre.distance(to: place) / 1000
                    if distance <= radius { hits.append(Hit(seq: seq, distance: distance)) }
                }
            }
            return hits.sorted { ($0.distance, $0.seq) < ($1.distance, $1.seq) }
        }

        /// The usable points inside a latitude/longitude box, nearest `centre` first.
        func inside(south: Double, north: Double, west: Double, east: Double, nearest centre: GeoCoordinate) throws -> [Hit] {
            var hits: [Hit] = []
            try scan(south: south, north: north, west: west, east: east) { seq, place in
                // The index keeps 32-bit bounds rounded outwards: check the exact coordinates.
                guard (south...north).contains(place.latitude), (west...east).contains(place.longitude) else { return }
                hits.append(Hit(seq: seq, distance: centre.distance(to: place) / 1000))
            }
            return hits.sorted { ($0.distance, $0.seq) < ($1.distance, $1.seq) }
        }

        /// The `k` nearest usable points to `centre`, starting the search at `radius` km.
        func nearest(_ k: Int, to centre: GeoCoordinate, startingAt radius: Double = 2) throws -> [Hit] {
            var radius = max(radius, 0.05)
            while true {
                let hits = try within(radius, of: centre)
                if hits.count >= k { return Array(hits.prefix(k)) }
                // Half the Earth's circumference holds everything: what was found is all there is.
                if radius >= 20_100 { return hits }
                // Widen by the shortfall (points grow with the area, r²), at least 1.5× and at most 4×.
                let growth = (Double(k) / Double(max(hits.count, 1))).squareRoot() * 1.2
                radius = min(radius * min(max(growth, 1.5), 4), 20_100)
            }
        }

        /// Latitude/longitude boxes that together hold every point within `radius` km of `centre`: one box,
        /// or two when it crosses the ±180° meridian, or the whole width of the map near a pole.
        static func boxes(around centre: GeoCoordinate, radius: Double) -> [(south: Double, north: Double, west: Double, east: Double)] {
            let earth = GeoCoordinate.meanEarthRadius / 1000
            let dLat = radius / earth * 180 / .pi
            let south = max(centre.latitude - dLat, -90), north = min(centre.latitude + dLat, 90)
            // The widest longitude span is at the latitude farthest from the equator; near a pole, all of it.
            let widest = max(abs(south), abs(north))
            guard widest < 89.9, radius < earth * .pi / 2 else { return [(south, north, -180, 180)] }
            let dLon = dLat / cos(widest * .pi / 180)
            guard dLon < 180 else { return [(south, north, -180, 180)] }
            let west = centre.longitude - dLon, east = centre.longitude + dLon
            if west < -180 { return [(south, north, west + 360, 180), (south, north, -180, east)] }
            if east > 180 { return [(south, north, west, 180), (south, north, -180, east - 360)] }
            return [(south, north, west, east)]
        }
    }
}
