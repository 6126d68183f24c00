import AnlanWire

/// The instances that serve a region, and how the region was matched.
public struct LookupResponse: WireMessage, Hashable, Codable {
    /// Healthy instances first; empty when nothing in this registry's view serves the region.
    public var records: [RegistrationRecord]     // 1 (repeated)
    /// The region the records are registered for: the one asked for, or its nearest served ancestor.
    public var matchedRegion: String             // 2
    public var revision: UInt64                  // 3
    /// A child tier's registry whose jurisdiction holds the region more closely than `matchedRegion`:
    /// ask it for a more specific answer.
    public var referral: RegistrationRecord?     // 4

    public init(records: [RegistrationRecord], matchedRegion: String, revision: UInt64, referral: RegistrationRecord? = nil) {
        self.records = records
        self.matchedRegion = matchedRegion
        self.revision = revision
        self.referral = referral
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(records: [], matchedRegion: "", revision: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: records.append(try reader.readMessage(field))
            case 2: matchedRegion = try reader.readString(field)
            case 3: revision = try reader.readUInt64(field)
            case 4: referral = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: records)
        if !matchedRegion.isEmpty { writer.write(2, string: matchedRegion) }
        writer.write(3, uint: revision)
        if let referral { writer.write(4, message: referral) }
    }
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
