/// One administrative division (行政区划) of the province: the province, a city, a county or a township.
///
/// Regions are values; the tree that relates them is `RegionTree`.
public struct Region: Sendable, Hashable, CustomStringConvertible {
    /// The canonical code (区划代码): 6 digits (GB/T 2260) for province 省, city 市 and county 县;
    /// 12 digits for a township 乡镇/街道 (民政部 scheme: county code + 3-digit township number + `000`).
    public let code: String
    /// The official Chinese name, e.g. 杭州市, 西湖区, 北山街道.
    public let name: String
    /// The tier (省/市/县/乡).
    public let tier: Tier
    /// The code of the division one tier up (上级区划), or nil for the province.
    public let parentCode: String?
    /// The point the data gives for this division, or nil where it has none.
    ///
    /// Province, city and county: the government seat (驻地), for a few counties the polygon centroid.
    /// Township: the centre of its bounding box, accurate to a few km. See `RegionTree.location(of:)`.
    public let coordinate: GeoCoordinate?

    /// Creates a region; `RegionTree` validates how regions fit together, this does not.
    public init(code: String, name: String, tier: Tier, parentCode: String?, coordinate: GeoCoordinate?) {
        self.code = code
        self.name = name
        self.tier = tier
        self.parentCode = parentCode
        self.coordinate = coordinate
    }

    /// "name (code)", e.g. "西湖区 (330106)".
    public var description: String { "\(name) (\(code))" }
}
