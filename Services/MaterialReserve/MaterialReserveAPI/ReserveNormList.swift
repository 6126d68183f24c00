import AnlanWire

/// Every reserve norm of the node, by tier, risk level, item and basis.
public struct ReserveNormList: WireMessage, Hashable, Codable {
    public var norms: [ReserveNorm]  // 1 (repeated)

    public init(norms: [ReserveNorm] = []) {
        self.norms = norms
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: norms.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: norms)
    }
}
