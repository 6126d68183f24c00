import AnlanWire

/// The instances that serve a region, and how the region was matched.
@WireMessage
public struct LookupResponse: Hashable, Codable, Sendable {
    /// Healthy instances first; empty when nothing in this registry's view serves the region.
    @Field(1) public var records: [RegistrationRecord] = []
    /// The region the records are registered for: the one asked for, or its nearest served ancestor.
    @Field(2, .omitDefault) public var matchedRegion: String = ""
    @Field(3) public var revision: UInt64 = 0
    /// A child tier's registry whose jurisdiction holds the region more closely than `matchedRegion`:
    /// ask it for a more specific answer.
    @Field(4) public var referral: RegistrationRecord?
}

extension LookupResponse {
    /// Whether `other` names the same instances, in the same health, for the same region and referral —
    /// ignoring what changes with every answer (heartbeat ages, the registry's revision).
    public func sameInstances(as other: LookupResponse) -> Bool {
        func stable(_ record: RegistrationRecord) -> RegistrationRecord {
            var record = record
            record.heartbeatAgeMilliseconds = 0
            return record
        }
        return matchedRegion == other.matchedRegion
            && records.map(stable) == other.records.map(stable)
            && referral.map(stable) == other.referral.map(stable)
    }
}
