import AnlanWire

/// A registration as the registry holds it: the node's registration plus its lease and health.
public struct RegistrationRecord: WireMessage, Hashable, Codable {
    public var registration: Registration   // 1
    public var leaseID: UInt64              // 2
    public var health: LeaseHealth          // 3
    /// Milliseconds since the last heartbeat, when the record was produced.
    public var heartbeatAgeMilliseconds: UInt64  // 4
    public var ttlMilliseconds: UInt32      // 5
    /// The revision of the change that last touched this record.
    public var revision: UInt64             // 6

    public init(registration: Registration, leaseID: UInt64, health: LeaseHealth, heartbeatAgeMilliseconds: UInt64,
                ttlMilliseconds: UInt32, revision: UInt64) {
        self.registration = registration
        self.leaseID = leaseID
        self.health = health
        self.heartbeatAgeMilliseconds = heartbeatAgeMilliseconds
        self.ttlMilliseconds = ttlMilliseconds
        self.revision = revision
    }

    public init(from reader: inout WireReader) throws(WireError) {
        var registration: Registration?
        var leaseID: UInt64 = 0, age: UInt64 = 0, revision: UInt64 = 0
        var ttl: UInt32 = 0
        var health = LeaseHealth.healthy
        while let field = try reader.nextField() {
            switch field.number {
            case 1: registration = try reader.readMessage(field)
            case 2: leaseID = try reader.readUInt64(field)
            case 3: health = LeaseHealth(rawValue: try reader.readUInt(field)) ?? .suspect
            case 4: age = try reader.readUInt64(field)
            case 5: ttl = try reader.readUInt(field)
            case 6: revision = try reader.readUInt64(field)
            default: try reader.skip(field)
            }
        }
        guard let registration else { throw WireError(.malformedPayload, "registration record without a registration") }
        self.init(registration: registration, leaseID: leaseID, health: health, heartbeatAgeMilliseconds: age,
                  ttlMilliseconds: ttl, revision: revision)
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: registration)
        writer.write(2, uint: leaseID)
        writer.write(3, uint: health.rawValue)
        writer.write(4, uint: heartbeatAgeMilliseconds)
        writer.write(5, uint: ttlMilliseconds)
        writer.write(6, uint: revision)
    }
}
