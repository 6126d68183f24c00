import AnlanWire

/// Registrations, ordered by region code then instance id, and the revision they reflect.
public struct ListResponse: WireMessage, Hashable {
    public var records: [RegistrationRecord]  // 1 (repeated)
    public var revision: UInt64               // 2
    /// True while the registry holds lapsed leases because too many lapsed at once.
    public var selfPreservation: Bool         // 3

    public init(records: [RegistrationRecord], revision: UInt64, selfPreservation: Bool = false) {
        self.records = records
        self.revision = revision
        self.selfPreservation = selfPreservation
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(records: [], revision: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: records.append(try reader.readMessage(field))
            case 2: revision = try reader.readUInt64(field)
            case 3: selfPreservation = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: records)
        writer.write(2, uint: revision)
        if selfPreservation { writer.write(3, bool: true) }
    }
}
