import AnlanWire

/// The registry's answer to a registration or a heartbeat: the lease, its TTL and its health.
@WireMessage
public struct LeaseGrant: Hashable, Sendable {
    /// name of the lease for heartbeats and deregistration
    @Field(1) public var leaseID: UInt64 = 0
    @Field(2) public var ttlMilliseconds: UInt32 = 0
    /// the registry's revision after the call
    @Field(3) public var revision: UInt64 = 0
    @Field(4) public var health: LeaseHealth = .healthy
}
