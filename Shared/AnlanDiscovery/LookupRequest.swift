import AnlanWire

/// Which instances of `service` serve `regionCode`: the region itself or, failing that, its nearest ancestor.
@WireMessage
public struct LookupRequest: Hashable, Sendable {
    @Field(1) public var service: String = ""
    @Field(2) public var regionCode: String = ""
    /// Also return suspect instances when healthy ones exist (they are always returned when none is healthy).
    @Field(3, .omitDefault) public var includeSuspect: Bool = false
}
