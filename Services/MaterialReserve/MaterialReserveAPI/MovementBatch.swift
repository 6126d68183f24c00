import AnlanWire

/// Movements recorded together: all or none.
public struct MovementBatch: WireMessage, Hashable, Codable {
    public var movements: [Movement]  // 1 (repeated)

    public init(movements: [Movement] = []) {
        self.movements = movements
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: movements.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: movements)
    }
}
