import AnlanRegions

/// The region codes of a subtree as a half-open string range, for index range scans.
///
/// Region codes are hierarchical prefixes: every code in 西湖区 (330106)'s subtree starts with `330106`,
/// every code in 杭州市 (330100)'s with `3301`, every Zhejiang code with `33`. A township's subtree is
/// its own 12-digit code. `lower ..< upper` contains exactly the codes with that prefix, because `:`
/// sorts right after `9`.
public struct RegionRange: Sendable, Hashable {
    public let lower: String
    public let upper: String

    /// The subtree of `region`.
    public init(subtreeOf region: Region) {
        let prefixLength: Int = switch region.tier {
        case .province: 2
        case .city: 4
        case .county: 6
        case .township: 12
        }
        let prefix = String(region.code.prefix(prefixLength))
        self.lower = prefix
        self.upper = prefix + ":"
    }

    /// Whether `code` lies in the range.
    public func contains(_ code: String) -> Bool { code >= lower && code < upper }
}
