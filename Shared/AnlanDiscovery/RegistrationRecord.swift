import AnlanWire

/// A registration as the registry holds it: the node's registration plus its lease and health.
@WireMessage
public struct RegistrationRecord: Hashable, Codable, Sendable {
    @Field(1, .required) public var registration: Registration = Registration()
    @Field(2) public var leaseID: UInt64 = 0
    /// 1 healthy, 2 suspect, 3 expired
    @Field(3) public var health: LeaseHealth = .healthy
    /// Milliseconds since the last heartbeat, when the record was produced.
    @Field(4) public var heartbeatAgeMilliseconds: UInt64 = 0
    @Field(5) public var ttlMilliseconds: UInt32 = 0
    /// The revision of the change that last touched this record.
    @Field(6) public var revision: UInt64 = 0
}
