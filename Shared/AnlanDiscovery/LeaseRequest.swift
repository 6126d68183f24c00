import AnlanWire

/// Names a lease: for a heartbeat or a deregistration.
@WireMessage
public struct LeaseRequest: Hashable, Sendable {
    @Field(1) public var leaseID: UInt64 = 0
}
