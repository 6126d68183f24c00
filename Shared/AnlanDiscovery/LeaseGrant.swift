import AnlanWire

/// The registry's answer to a registration or a heartbeat: the lease, its TTL and its health.
public struct LeaseGrant: WireMessage, Hashable {
    public var leaseID: UInt64          // 1
    public var ttlMilliseconds: UInt32  // 2
    public var revision: UInt64         // 3
    public var health: LeaseHealth      // 4

    public init(leaseID: UInt64, ttlMilliseconds: UInt32, revision: UInt64, health: LeaseHealth = .healthy) {
        self.leaseID = leaseID
        self.ttlMilliseconds = ttlMilliseconds
        self.revision = revision
        self.health = health
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(leaseID: 0, ttlMilliseconds: 0, revision: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: leaseID = try reader.readUInt64(field)
            case 2: ttlMilliseconds = try reader.readUInt(field)
            case 3: revision = try reader.readUInt64(field)
            case 4: health = LeaseHealth(rawValue: try reader.readUInt(field)) ?? .healthy
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, uint: leaseID)
        writer.write(2, uint: ttlMilliseconds)
        writer.write(3, uint: revision)
        writer.write(4, uint: health.rawValue)
    }
}
