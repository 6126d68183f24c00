import AnlanWire
import MaterialReserveAPI

/// Asks for one dispatch proposal for an incident (一屏指挥调度): teams and materials in one answer.
@WireMessage
public struct ProposalRequest: Hashable, Codable, Sendable {
    /// The incident (its id names the node that holds it).
    @Field(1) public var incidentID: String = ""
    /// Teams to send, 1…50; 0: as many as the incident's response level sends (`ResponseLevel.defaultTeams`).
    @Field(2, .omitDefault) public var teams: UInt32 = 0
    /// Materials needed; empty: the incident kind's default kit (docs/PROTOCOL.md).
    @Field(3) public var needs: [DispatchLine] = []
    /// Hours within which everything should arrive; 0 means 3 (Zhejiang's three-hour standard).
    @Field(4, .omitDefault) public var targetHours: Double = 0
}
