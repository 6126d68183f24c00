/// A request that names the regions it reads or writes (a record's region, a query's), so that a
/// caller from inside a node's region can be confined to its own jurisdiction.
public protocol RegionScopedRequest {
    /// The region codes it names; "" stands for the node's whole region.
    var scopedRegions: [String] { get }
}
