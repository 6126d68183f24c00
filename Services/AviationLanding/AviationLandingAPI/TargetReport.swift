import AnlanRecords
import AnlanWire

/// The construction target of a region and of each of its children.
@WireMessage
public struct TargetReport: Hashable, Codable, Sendable {
    @Field(1) public var year: UInt32 = 0
    /// The province's target for the year (default 80).
    @Field(2) public var annualTarget: Int64 = 0
    @Field(3) public var region: RegionTarget = RegionTarget()
    @Field(4) public var children: [RegionTarget] = []
}
