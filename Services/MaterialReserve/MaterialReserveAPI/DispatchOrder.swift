import AnlanRPC
import AnlanRecords
import AnlanWire

/// 调拨单: items from this node's storage points to a destination, with its reservations.
@WireMessage
public struct DispatchOrder: Hashable, Codable, Sendable {
    /// Assigned by the node (`DO-<n>`); "" in a create request.
    @Field(1) public var id: String = ""
    /// The caller's key: a create repeated with the same key returns the first order, not a second.
    @Field(2) public var idempotencyKey: String = ""
    /// The storage points stock may come from ("" none: any of this node's).
    @Field(3) public var sourcePointIDs: [String] = []
    @Field(4) public var destinationRegion: String = ""
    @Field(5) public var destinationLatitude: Double = 0
    @Field(6) public var destinationLongitude: Double = 0
    @Field(7) public var lines: [DispatchLine] = []
    /// Answers only
    @Field(8) public var state: DispatchState = .requested
    /// What approval reserved, first expiring first (answers only).
    @Field(9) public var allocations: [Allocation] = []
    @Field(10) public var requestedBy: String = ""
    @Field(11) public var note: String = ""
}

extension DispatchOrder: ActorStampedRequest {
    public var stampedActor: String {
        get { requestedBy }
        set { requestedBy = newValue }
    }
}
