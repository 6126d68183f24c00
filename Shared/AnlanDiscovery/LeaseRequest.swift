import AnlanWire

/// Names a lease: for a heartbeat or a deregistration.
public struct LeaseRequest: WireMessage, Hashable {
    public var leaseID: UInt64  // 1

    public init(leaseID: UInt64) { self.leaseID = leaseID }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(leaseID: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: leaseID = try reader.readUInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) { writer.write(1, uint: leaseID) }
}
