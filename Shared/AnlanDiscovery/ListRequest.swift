import AnlanWire

/// All registrations, optionally of one service and within one region's subtree.
public struct ListRequest: WireMessage, Hashable {
    public var service: String       // 1 (empty: all services)
    public var subtreeOf: String     // 2 (empty: every region)

    public init(service: String = "", subtreeOf: String = "") {
        self.service = service
        self.subtreeOf = subtreeOf
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: service = try reader.readString(field)
            case 2: subtreeOf = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        if !service.isEmpty { writer.write(1, string: service) }
        if !subtreeOf.isEmpty { writer.write(2, string: subtreeOf) }
    }
}
