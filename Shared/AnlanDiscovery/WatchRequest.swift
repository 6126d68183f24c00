import AnlanWire

/// Subscribes to registry changes after `fromRevision` (0: the whole current state first).
public struct WatchRequest: WireMessage, Hashable {
    public var fromRevision: UInt64  // 1
    public var service: String       // 2 (empty: all services)

    public init(fromRevision: UInt64 = 0, service: String = "") {
        self.fromRevision = fromRevision
        self.service = service
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: fromRevision = try reader.readUInt64(field)
            case 2: service = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        if fromRevision != 0 { writer.write(1, uint: fromRevision) }
        if !service.isEmpty { writer.write(2, string: service) }
    }
}
