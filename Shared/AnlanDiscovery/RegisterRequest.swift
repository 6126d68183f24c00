import AnlanWire

/// Asks for a lease on a registration (replacing any earlier one with the same instance id).
@WireMessage
public struct RegisterRequest: Hashable, Sendable {
    @Field(1, .required) public var registration: Registration = Registration()
    /// Requested lease TTL; the registry clamps it to its allowed range. 0: the registry's default.
    @Field(2, .omitDefault) public var ttlMilliseconds: UInt32 = 0
}
