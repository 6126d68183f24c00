import AnlanRegions

/// The region a record-keeping node serves: every region a request or a record names must lie in
/// its subtree.
public struct NodeScope: Sendable {
    public let region: Region
    public let tree: RegionTree

    public init(region: Region, tree: RegionTree) {
        self.region = region
        self.tree = tree
    }

    /// The region `code` names ("" = the node's own).
    ///
    /// - Throws: `RegionError` for an unknown code; `InvalidRecord` when it lies outside the node.
    public func region(_ code: String) throws -> Region {
        code.isEmpty ? region : try recordRegion(code)
    }

    /// The region a record names (where "" is not a region), which must lie in the node's subtree.
    ///
    /// - Throws: `RegionError` for a malformed or unknown code; `InvalidRecord` when it lies outside the node.
    public func recordRegion(_ code: String) throws -> Region {
        let named = try tree.region(code)
        guard RegionRange(subtreeOf: region).contains(named.code) else {
            throw InvalidRecord("region: \(named) is outside this node's region \(region)")
        }
        return named
    }

    /// The subtree of the region `code` names ("" = the node's own).
    public func subtree(_ code: String) throws -> RegionRange {
        RegionRange(subtreeOf: try region(code))
    }
}

extension String {
    /// The text trimmed, or `InvalidRecord("<field> is required")` when nothing is left.
    public func required(_ field: String) throws(InvalidRecord) -> String {
        let text = trimmed
        guard !text.isEmpty else { throw InvalidRecord("\(field) is required") }
        return text
    }
}
