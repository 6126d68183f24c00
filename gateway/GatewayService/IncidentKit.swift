import EmergencyResponseAPI
import MaterialReserveAPI

/// The materials a proposal plans when the caller names none: a first-response kit per incident
/// kind, in the flood-season kit's catalogue codes (material-reserve's `FloodSeasonKit`). Life jackets
/// scale with the people affected (one for every ten, 50…2,000).
enum IncidentKit {
    static func needs(for incident: Incident) -> [DispatchLine] {
        let lifeJackets = min(2000, max(50, incident.affected / 10))
        let lines: [(String, Int64)] = switch incident.kind {
        // 排水泵, 救生衣, 发电机
        case .flood, .typhoon: [("3010201", 4), ("2030101", lifeJackets), ("2050101", 2)]
        // 安全帽, 手电筒, 发电机
        case .landslide, .buildingCollapse, .mineTunnel: [("2010101", 50), ("2020101", 50), ("2050101", 2)]
        // 安全帽, 卫星电话
        case .forestFire: [("2010101", 50), ("2040101", 2)]
        case .hazardousChemicals: [("2010101", 50)]
        // 发电机, 卫星电话
        case .outage: [("2050101", 4), ("2040101", 4)]
        }
        return lines.map { DispatchLine(itemCode: $0.0, quantity: $0.1) }
    }
}
