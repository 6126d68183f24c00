import AnlanWire

/// Registrations, ordered by region code then instance id, and the revision they reflect.
@WireMessage
public struct ListResponse: Hashable, Sendable {
    /// Ordered by region code, then instance id.
    @Field(1) public var records: [RegistrationRecord] = []
    @Field(2) public var revision: UInt64 = 0
    /// True while the registry holds lapsed leases because too many lapsed at once.
    @Field(3, .omitDefault) public var selfPreservation: Bool = false
}
