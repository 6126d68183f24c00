/// One of the four tiers of government in a province's region tree (省市县乡).
///
/// The raw values travel on the wire, so they never change: province = 1, city = 2, county = 3,
/// township = 4. Tiers order from the top down: `.province < .township`.
public enum Tier: UInt8, Sendable, CaseIterable, Comparable, Codable {
    /// 省级: the province itself (浙江省).
    case province = 1
    /// 地级 (市): a prefecture-level city such as 杭州市.
    case city = 2
    /// 县级: a county-level unit: district 区, county-level city 县级市, county 县 or autonomous county.
    case county = 3
    /// 乡级: a township-level unit: town 镇, township 乡 or sub-district 街道.
    case township = 4

    /// Higher tiers come first: a province is "less than" a township.
    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The lowercase English name used in the data files and logs: "province", "city", "county", "township".
    public var name: String {
        switch self {
        case .province: "province"
        case .city: "city"
        case .county: "county"
        case .township: "township"
        }
    }

    /// Parses a tier from its `name` ("province", "city", "county", "township"); nil for anything else.
    public init?(name: String) {
        switch name {
        case "province": self = .province
        case "city": self = .city
        case "county": self = .county
        case "township": self = .township
        default: return nil
        }
    }

    /// The tier directly above this one, or nil for the province.
    public var parent: Tier? {
        Tier(rawValue: rawValue &- 1)
    }

    /// The tier directly below this one, or nil for the township.
    public var child: Tier? {
        Tier(rawValue: rawValue &+ 1)
    }

    /// The number of digits in a canonical code of this tier: 6 (GB/T 2260) above the township, 12 for a township.
    var codeLength: Int {
        self == .township ? 12 : 6
    }
}
