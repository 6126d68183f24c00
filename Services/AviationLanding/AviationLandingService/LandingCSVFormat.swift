import AnlanRecords
import AviationLandingAPI

/// The register's CSV columns, and the mapping of an OurAirports export onto landing points.
package enum LandingCSVFormat {
    static let columns = ["id", "name", "region", "lat", "lon", "kind", "length_m", "width_m", "surface", "slope_percent",
                          "obstacle_m", "power_lines_100m", "ground_marking", "night_lighting", "largest_class", "manager",
                          "phone", "year_built", "status", "status_reason", "source"]
    package static let required = Array(columns.prefix(6))
    /// Written by export after the import's columns, ignored by import (derived by the node).
    static let derivedColumns = ["last_inspected_on", "failed_rules"]

    /// A landing point from a row; `field` gives a column's trimmed text ("" when absent).
    package static func point(_ field: (String) -> String) throws -> LandingPoint {
        func number(_ column: String) throws -> Double {
            let text = field(column)
            if text.isEmpty { return 0 }
            guard let value = Double(text), value.isFinite else { throw InvalidRecord("\(column): \"\(text)\" is not a number") }
            return value
        }
        func measured(_ column: String) throws -> Double? {
            field(column).isEmpty ? nil : try number(column)
        }
        func flag(_ column: String) throws -> Bool { try CSVValue.yesNo(field(column), column) }
        func choice<E: WireEnum>(_ column: String, default value: E) throws -> E {
            field(column).isEmpty ? value : try E.parse(field(column))
        }
        let (lat, lon) = try coordinates(field)
        let year = field("year_built")
        return LandingPoint(
            id: field("id"), name: field("name"), regionCode: field("region"), latitude: lat, longitude: lon,
            kind: try LandingPointKind.parse(field("kind")), lengthMetres: try number("length_m"), widthMetres: try number("width_m"),
            surface: try choice("surface", default: LandingSurface.other), slopePercent: try measured("slope_percent"),
            obstacleHeightMetres: try measured("obstacle_m"), powerLinesNear: try flag("power_lines_100m"),
            groundMarking: try flag("ground_marking"), nightLighting: try choice("night_lighting", default: NightLighting.none),
            largestClass: try choice("largest_class", default: HelicopterClass.light), manager: field("manager"), phone: field("phone"),
            yearBuilt: year.isEmpty ? 0 : try UInt32(year).orThrow("year_built: \"\(year)\" is not a year"),
            status: try choice("status", default: LandingPointStatus.available), statusReason: field("status_reason"),
            source: field("source"))
    }

    /// The `lat` and `lon` columns (range-checked later, with the rest of the point).
    private static func coordinates(_ field: (String) -> String) throws -> (Double, Double) {
        guard let lat = Double(field("lat")), let lon = Double(field("lon")) else { throw InvalidRecord("lat/lon: not numbers") }
        return (lat, lon)
    }

    /// A point as a row of `columns` followed by `derivedColumns`.
    static func row(_ point: LandingPoint) -> [String] {
        func number(_ value: Double) -> String { value == 0 ? "" : String(value) }
        func measured(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        return [point.id, point.name, point.regionCode, String(point.latitude), String(point.longitude), point.kind.name,
                number(point.lengthMetres), number(point.widthMetres), point.surface.name, measured(point.slopePercent),
                measured(point.obstacleHeightMetres), point.powerLinesNear ? "yes" : "no", point.groundMarking ? "yes" : "no",
                point.nightLighting.name, point.largestClass.name, point.manager, point.phone,
                point.yearBuilt == 0 ? "" : String(point.yearBuilt), point.status.name, point.statusReason, point.source,
                point.lastInspectedOn?.description ?? "", point.failedRules.joined(separator: " ")]
    }

    // MARK: OurAirports

    package static let ourAirportsRequired = ["ident", "name", "type", "lat", "lon", "region_name", "zhejiang_county_code"]

    /// A landing point from a row of an OurAirports export with Anlan's `zhejiang_county_code` column
    /// (`heliports-china.csv`). Heliports become `heliport` (light class, as nothing says larger);
    /// airports `other` (heavy class, asphalt); closed sites out of service. What OurAirports does not
    /// record (touchdown area, slope, obstacles, marking) is left unrecorded, so such points fail those
    /// rules until surveyed.
    package static func ourAirportsPoint(_ field: (String) -> String) throws -> LandingPoint {
        let ident = field("ident")
        guard !field("zhejiang_county_code").isEmpty else {
            throw InvalidRecord("\(ident) lies outside Zhejiang (\(field("region_name").isEmpty ? "no region" : field("region_name")))")
        }
        var point = LandingPoint(id: ident, name: field("name"), regionCode: field("zhejiang_county_code"), source: "OurAirports \(ident)")
        (point.latitude, point.longitude) = try coordinates(field)
        switch field("type") {
        case "heliport":
            point.kind = .heliport
        case "small_airport", "medium_airport", "large_airport":
            point.kind = .other
            point.largestClass = .heavy
            point.surface = .asphalt
        case "closed":
            point.kind = .other
            point.status = .outOfService
            point.statusReason = "closed (OurAirports)"
        default:
            throw InvalidRecord("\(ident) is a \(field("type")), not a helicopter landing site")
        }
        return point
    }
}
