import AnlanRecords

/// The eight key sectors of the enterprise safety risk survey (八大重点行业领域).
public enum IndustrySector: UInt8, WireEnum {
    case roadTransport = 1      // 道路运输
    case seaAndFishing = 2      // 水上交通和渔业船舶
    case fireSafety = 3         // 消防
    case hazardousChemicals = 4 // 危险化学品
    case construction = 5       // 建设施工
    case industryAndMining = 6  // 工矿 (工贸、矿山)
    case tourism = 7            // 旅游
    case urbanOperation = 8     // 城市运行

    public static let kindName = "sector"

    public var name: String {
        switch self {
        case .roadTransport: "road-transport"
        case .seaAndFishing: "sea-fishing"
        case .fireSafety: "fire-safety"
        case .hazardousChemicals: "hazardous-chemicals"
        case .construction: "construction"
        case .industryAndMining: "industry-mining"
        case .tourism: "tourism"
        case .urbanOperation: "urban-operation"
        }
    }
}
