import AnlanWire
import EmergencyResponseAPI

/// Between gateways: the teams of a node's subtree that could answer an incident, either starting
/// at the incident's own node and widening only as far as needed, or over the whole subtree.
@WireMessage
public struct TeamPlanRequest: Hashable, Codable, Sendable {
    /// The incident's coordinates and specialties (its kind's), and how many candidates a node returns.
    @Field(1) public var search: TeamSearch = TeamSearch()
    /// The incident's region: the side searched first.
    @Field(2) public var incidentRegion: String = ""
    @Field(3, .omitDefault) public var wholeSubtree: Bool = false
    /// Teams wanted, and the hours they should arrive within: a side that has them is enough.
    @Field(4) public var wanted: UInt32 = 0
    @Field(5) public var targetHours: Double = 0
}
